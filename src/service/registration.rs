//! Registering an account (and its company), confirming the e-mail address, and sending
//! the confirmation link again. Every outcome is one unit of work with its mails; the
//! visitor sees the same answer whether or not the address already had an account.

use crate::domain::security_question::{self, SecurityQuestion};
use crate::domain::{self, AccountType, Country, Email, NewPassword};
use crate::i18n::Lang;
use crate::mail::templates::compose;
use crate::secrets::token;
use crate::store::tokens::TokenState;
use crate::store::users::{self, DeliveryAddress, NewAccount, NewCompany, Registered, UserStatus};
use crate::views::accounts::{LinkState, RegisterForm};
use crate::views::components::Errors;

use super::{Core, Failure, access_recovery};

/// A registration whose every field passed its check.
#[derive(Debug)]
pub struct NewRegistration {
    pub email: Email,
    pub password: NewPassword,
    pub account_type: AccountType,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    /// Empty for an account without a company (a plant operator).
    pub company_name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: Country,
    pub language: Lang,
    pub question: SecurityQuestion,
    pub answer: String,
}

impl TryFrom<&RegisterForm> for NewRegistration {
    type Error = Errors;

    /// Checks every field; the errors name the fields they belong to.
    fn try_from(form: &RegisterForm) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let account_type = e.check("account_type", AccountType::parse(&form.account_type));
        let email = e.check("email", Email::parse(&form.email));
        let first_name = e.check("first_name", domain::required_text(&form.first_name, 80));
        let last_name = e.check("last_name", domain::required_text(&form.last_name, 80));
        let personal = [
            form.first_name.as_str(),
            form.last_name.as_str(),
            form.company_name.as_str(),
        ];
        let password = e.check_password(NewPassword::parse(
            &form.password,
            &form.password_confirm,
            &form.email,
            &personal,
        ));
        let phone = e.check("phone", domain::phone(&form.phone));
        let company_name = if account_type.is_some_and(AccountType::has_company) {
            e.check(
                "company_name",
                domain::required_text(&form.company_name, 120),
            )
        } else {
            Some(String::new())
        };
        let street = e.check("street", domain::required_text(&form.street, 120));
        let postal_code = e.check(
            "postal_code",
            domain::postal_code::parse(&form.postal_code, Country::parse(&form.country).ok()),
        );
        let city = e.check("city", domain::required_text(&form.city, 80));
        let country = e.check("country", Country::parse(&form.country));
        let language = e.check("language", Lang::parse_choice(&form.language));
        let (question, answer) = recovery_and_terms(
            &mut e,
            &form.security_question,
            &form.security_answer,
            &form.accept_terms,
        );
        e.finish(|| {
            Some(Self {
                email: email?,
                password: password?,
                account_type: account_type?,
                first_name: first_name?,
                last_name: last_name?,
                phone: phone?,
                company_name: company_name?,
                street: street?,
                postal_code: postal_code?,
                city: city?,
                country: country?,
                language: language?,
                question: question?,
                answer: answer?,
            })
        })
    }
}

/// Checks the security question and its answer, and that the terms were accepted: the
/// part every new account's form shares.
pub(crate) fn recovery_and_terms(
    e: &mut Errors,
    question: &str,
    answer: &str,
    accept_terms: &str,
) -> (Option<SecurityQuestion>, Option<String>) {
    let question = e.check("security_question", SecurityQuestion::parse(question));
    let answer = e.check("security_answer", security_question::parse_answer(answer));
    if accept_terms != "on" {
        e.add("accept_terms", "terms-not-accepted");
    }
    (question, answer)
}

/// What a registration led to, as the visitor may learn it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registration {
    /// A confirmation link was sent, or the address already has an account and its
    /// owner was told: the visitor sees "check your mailbox" either way.
    LinkSent,
    /// The company is registered already; its administrators were told who asked.
    CompanyExists { company_name: String },
}

/// Registers the account with its company and first delivery address, and queues the
/// mail of the outcome, in one unit of work. Both hashes are computed whatever the
/// outcome, so every outcome takes as long.
pub async fn register(core: &Core, new: NewRegistration) -> Result<Registration, Failure> {
    let password_hash = core.hash(new.password.expose()).await?;
    let answer_hash = core.hash(&new.answer).await?;
    let (confirm_token, confirm_hash) = token::generate();
    let now = core.clock.now();
    let hours = core.config.security.confirmation_hours;
    let expires_at = now + hours * 3600;
    let base = core.config.public_url();
    let has_company = new.account_type.has_company();
    let requester = format!("{} {}", new.first_name, new.last_name);
    let account = NewAccount {
        email: new.email.clone(),
        password_hash,
        first_name: new.first_name.clone(),
        last_name: new.last_name.clone(),
        phone: new.phone.clone(),
        kind: new.account_type.kind(),
        language: new.language,
        security_question: new.question.id().to_owned(),
        security_answer_hash: answer_hash,
        company: has_company.then(|| NewCompany {
            name: new.company_name.clone(),
            street: new.street.clone(),
            postal_code: new.postal_code.clone(),
            city: new.city.clone(),
            country: new.country.code().to_owned(),
        }),
        // The registration's address is the first delivery address.
        first_address: Some(DeliveryAddress {
            id: 0,
            recipient: if has_company {
                format!("{} – {requester}", new.company_name)
            } else {
                requester.clone()
            },
            street: new.street.clone(),
            postal_code: new.postal_code.clone(),
            city: new.city.clone(),
            country: new.country.code().to_owned(),
        }),
        info_requests: Vec::new(),
    };
    let hours = hours.to_string();
    let outcome = core.store.users().register(
        account,
        confirm_hash,
        expires_at,
        now,
        Box::new(|outcome| match outcome {
            Registered::Created(user) => vec![compose(
                core,
                user.language,
                &user.mailbox(),
                "confirm",
                &[
                    ("name", &user.first_name),
                    ("link", &format!("{base}/confirm/{confirm_token}")),
                    ("hours", &hours),
                ],
            )],
            Registered::EmailTaken(existing) => vec![compose(
                core,
                existing.language,
                &existing.mailbox(),
                "already-registered",
                &[
                    ("name", &existing.first_name),
                    ("login", &format!("{base}/login")),
                    ("forgot", &format!("{base}/password/forgot")),
                ],
            )],
            Registered::CompanyExists { company, admins } => admins
                .iter()
                .map(|admin| {
                    compose(
                        core,
                        admin.language,
                        &admin.mailbox(),
                        "company-exists",
                        &[
                            ("name", &admin.first_name),
                            ("requester", &requester),
                            ("email", new.email.as_str()),
                            ("company", &company.name),
                            ("members", &format!("{base}/company/members")),
                        ],
                    )
                })
                .collect(),
        }),
    )?;
    Ok(match outcome {
        Registered::Created(_) | Registered::EmailTaken(_) => Registration::LinkSent,
        Registered::CompanyExists { company, .. } => Registration::CompanyExists {
            company_name: company.name,
        },
    })
}

/// Confirms the e-mail address a link was sent to; what became of the link.
pub fn confirm(core: &Core, presented: &str) -> Result<LinkState, Failure> {
    if !token::is_well_formed(presented) {
        return Ok(LinkState::Unknown);
    }
    let (state, _) = core
        .store
        .users()
        .confirm(token::hash(presented), core.clock.now())?;
    Ok(link_state(&state))
}

/// Sends the confirmation link again when `email` has an unconfirmed account; nothing
/// otherwise, and the visitor cannot tell which.
pub fn resend(core: &Core, email: &Email) -> Result<(), Failure> {
    if let Some(user) = core.store.users().find_by_email(email)?
        && user.status == UserStatus::Unconfirmed
    {
        let hours = core.config.security.confirmation_hours;
        access_recovery::send_link(
            core,
            &user,
            access_recovery::MailedLink::Confirm,
            hours * 3600,
            ("hours", &hours.to_string()),
        )?;
    }
    Ok(())
}

/// What following the link of an e-mail change led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailConfirmed {
    /// The new address is the log-in now; every session of the account ended.
    Changed { email: String },
    /// Someone got an account with the new address meanwhile.
    Taken,
    /// The link cannot be used (any more).
    Invalid(LinkState),
}

/// Confirms the new address the service team entered for an account, followed from
/// `address` (for the audit log).
pub fn confirm_email_change(
    core: &Core,
    presented: &str,
    address: &str,
) -> Result<EmailConfirmed, Failure> {
    if !token::is_well_formed(presented) {
        return Ok(EmailConfirmed::Invalid(LinkState::Unknown));
    }
    let outcome = core.store.users().confirm_email_change(
        token::hash(presented),
        core.clock.now(),
        address,
    )?;
    Ok(match outcome {
        users::EmailChanged::Changed(user) => {
            tracing::info!(event = "email_changed", user_id = user.id, "e-mail changed");
            EmailConfirmed::Changed { email: user.email }
        }
        users::EmailChanged::Taken => EmailConfirmed::Taken,
        users::EmailChanged::Invalid(state) => EmailConfirmed::Invalid(link_state(&state)),
    })
}

/// What a link's stored state means to the visitor who followed it.
pub fn link_state(state: &TokenState) -> LinkState {
    match state {
        TokenState::Valid(_) => LinkState::Done,
        TokenState::Used(_) => LinkState::Used,
        TokenState::Expired(_) => LinkState::Expired,
        TokenState::Unknown => LinkState::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RegisterForm {
        RegisterForm {
            email: "lena.vogt@sonnenhof.example".into(),
            password: "Kranich-Dachrinne-47".into(),
            password_confirm: "Kranich-Dachrinne-47".into(),
            first_name: "Lena".into(),
            last_name: "Vogt".into(),
            phone: "+49 761 123456".into(),
            account_type: "installer".into(),
            company_name: "Sonnenhof Solar GmbH".into(),
            street: "Hauptstraße 5".into(),
            postal_code: "79098".into(),
            city: "Freiburg".into(),
            country: "DE".into(),
            language: "de".into(),
            security_question: "first-pet".into(),
            security_answer: "Bello".into(),
            accept_terms: "on".into(),
        }
    }

    #[test]
    fn every_field_is_checked_and_named() {
        let empty = RegisterForm::default();
        let errors = NewRegistration::try_from(&empty).unwrap_err();
        for field in [
            "account_type",
            "email",
            "first_name",
            "last_name",
            "password",
            "street",
            "postal_code",
            "city",
            "country",
            "language",
            "security_question",
            "security_answer",
            "accept_terms",
        ] {
            assert!(errors.get(field).is_some(), "{field} not checked");
        }
        let operator = RegisterForm {
            account_type: "operator".into(),
            company_name: String::new(),
            ..form()
        };
        let new = NewRegistration::try_from(&operator).unwrap();
        assert_eq!(new.company_name, "");
    }

    #[tokio::test]
    async fn the_account_its_company_its_address_and_its_mail_are_one_write() {
        let (core, _dir) = crate::service::testing::core();
        let new = NewRegistration::try_from(&form()).unwrap();
        assert_eq!(register(&core, new).await.unwrap(), Registration::LinkSent);
        let email = Email::parse("lena.vogt@sonnenhof.example").unwrap();
        let user = core.store.users().find_by_email(&email).unwrap().unwrap();
        assert_eq!(user.status, UserStatus::Unconfirmed);
        assert_eq!(user.addresses.len(), 1);
        assert_eq!(user.default_address, Some(user.addresses[0].id));
        assert_eq!(
            user.addresses[0].recipient,
            "Sonnenhof Solar GmbH – Lena Vogt"
        );
        assert_eq!(core.store.mail_queue().counts().unwrap().0, 1);

        // The same company again (another person): its administrator is told.
        let again = RegisterForm {
            email: "jonas.keller@sonnenhof.example".into(),
            first_name: "Jonas".into(),
            last_name: "Keller".into(),
            ..form()
        };
        let outcome = register(&core, NewRegistration::try_from(&again).unwrap()).await;
        assert_eq!(
            outcome.unwrap(),
            Registration::CompanyExists {
                company_name: "Sonnenhof Solar GmbH".into()
            }
        );
        assert_eq!(core.store.mail_queue().counts().unwrap().0, 2);
    }
}
