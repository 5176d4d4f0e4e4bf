//! The device catalog in the API (docs/domain.md, "Devices"): the products a device can
//! be registered as, searched by model code, name or id, as the device form's list
//! offers them.

use axum::Json;
use axum::extract::Query;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::caller::ApiCaller;
use super::problem::ApiError;
use crate::domain::catalog::Catalog;

/// The most products one search answers.
const MOST: usize = 100;

/// A product of the catalog.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductOut {
    /// The device-type id (`product` when registering a device).
    pub id: u32,
    /// The model code from the type label, e.g. `STP 10.0-3AV-40`.
    pub model: String,
    /// Its name, e.g. "Sunny Tripower 10.0".
    pub name: String,
    /// `inverter`, `storage-inverter` or `communication`.
    pub category: &'static str,
    /// Whether it has a factory warranty (inverters) that can be extended.
    pub warranty: bool,
}

/// The products found.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductList {
    pub items: Vec<ProductOut>,
    /// Whether more matched than were answered (at most 100).
    pub more: bool,
}

/// The catalog search.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct CatalogQuery {
    /// Words of a model code, name or id (`tripower 10`, `STP 10.0-3AV-40`, `9088`);
    /// every registrable product when empty.
    pub q: String,
}

/// Searches the products a device can be registered as.
#[utoipa::path(
    get,
    path = "/catalog",
    operation_id = "search_catalog",
    tag = "plants",
    params(CatalogQuery),
    security(("token" = ["read"])),
    responses((status = 200, description = "The products found, by model code", body = ProductList))
)]
pub async fn search(
    _: ApiCaller,
    Query(q): Query<CatalogQuery>,
) -> Result<Json<ProductList>, ApiError> {
    use crate::domain::catalog::Category;
    let found = Catalog::get().search(&q.q);
    let items = found
        .iter()
        .take(MOST)
        .map(|p| ProductOut {
            id: p.id,
            model: p.model.clone(),
            name: p.name.clone(),
            category: match p.category {
                Category::Inverter => "inverter",
                Category::StorageInverter => "storage-inverter",
                _ => "communication",
            },
            warranty: p.category.has_warranty(),
        })
        .collect();
    Ok(Json(ProductList {
        items,
        more: found.len() > MOST,
    }))
}
