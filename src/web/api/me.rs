//! `GET /api/v1/me`: who the token acts for, and what the token may do.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::caller::ApiCaller;
use super::problem::ApiError;
use crate::access::{AccountKind, CompanyRole};
use crate::app::AppState;
use crate::views::format::rfc3339;

/// The person a token acts for.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// Their account's id.
    pub id: u64,
    /// "First Last".
    pub name: String,
    /// Their e-mail address.
    pub email: String,
    /// `installer`, `wholesaler`, `operator` or `staff`.
    pub kind: &'static str,
    /// The language mails and problems are written in when the request names none.
    pub language: &'static str,
    /// Their company, for installers and wholesalers.
    pub company: Option<MyCompany>,
    /// The token the request was made with.
    pub token: MyToken,
}

/// The company of the person a token acts for.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyCompany {
    pub id: u64,
    pub name: String,
    /// `admin` or `member`.
    pub role: &'static str,
}

/// The token a request was made with.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyToken {
    /// Its name, as its owner gave it.
    pub name: String,
    /// `read`, `write` or both.
    pub scopes: Vec<&'static str>,
    /// Whether it sees the whole company as its administrator owner does; otherwise
    /// what the person filed or was assigned.
    pub company_wide: bool,
    /// When it stops working (RFC 3339), if ever.
    pub expires_at: Option<String>,
}

/// The API's name of an account kind.
pub fn kind_name(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::Installer => "installer",
        AccountKind::Wholesaler => "wholesaler",
        AccountKind::Operator => "operator",
        AccountKind::Staff => "staff",
    }
}

/// Who the token acts for.
#[utoipa::path(
    get,
    path = "/me",
    operation_id = "me",
    tag = "caller",
    security(("token" = ["read"])),
    responses(
        (status = 200, description = "The token's owner and the token", body = Me),
    )
)]
pub async fn me(
    axum::extract::State(state): axum::extract::State<AppState>,
    ApiCaller(caller, _): ApiCaller,
) -> Result<Json<Me>, ApiError> {
    let company = caller.company(&state.core)?.map(|c| MyCompany {
        id: c.id,
        name: c.name,
        role: match caller.user.company {
            Some((_, CompanyRole::Admin)) => "admin",
            _ => "member",
        },
    });
    let token = caller.token;
    let mut scopes = Vec::new();
    if token.read {
        scopes.push("read");
    }
    if token.write {
        scopes.push("write");
    }
    Ok(Json(Me {
        id: caller.user.id,
        name: caller.user.full_name(),
        email: caller.user.email.clone(),
        kind: kind_name(caller.user.kind),
        language: caller.user.language.code(),
        company,
        token: MyToken {
            name: token.name,
            scopes,
            company_wide: token.company_wide,
            expires_at: token.expires_at.map(rfc3339),
        },
    }))
}
