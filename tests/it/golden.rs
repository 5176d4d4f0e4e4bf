//! The store's file format, pinned: one sample of every stored type (and every variant of
//! every stored enum) is encoded and compared with the bytes checked into
//! `tests/golden/`, and those bytes are decoded back into the sample. A change to a stored
//! type that would misread an existing database fails here; such a change comes with a
//! migration (`src/store/migrations.rs`) and new golden files.
//!
//! To write the files anew after a deliberate format change (with its migration):
//! `OSC_BLESS=1 cargo test --test it golden`.

use std::fmt::Debug;
use std::path::PathBuf;

use osc::access::{AccountKind, CompanyRole};
use osc::domain::service_levels::{Calendar, Holiday, Hours, Levels, Schedule, Targets};
use osc::domain::ticket::{TicketKind, TicketStatus};
use osc::domain::webhook::HookEvent;
use osc::i18n::Lang;
use osc::import::plan::{DevicePlan, PlantPlan, Preview};
use osc::import::{Place, Problem, Reason};
use osc::store::api_tokens::ApiToken;
use osc::store::audit::{self, Entry, Event};
use osc::store::codec;
use osc::store::companies::Company;
use osc::store::devices::{Device, SerialSwap};
use osc::store::documents::Document;
use osc::store::imports::{Applied, ImportRecord, ImportState, Outcome};
use osc::store::inbox::{HeldMessage, HoldReason};
use osc::store::invitations::{Invitation, InvitationState};
use osc::store::mail_queue::{MailState, OutgoingMail, QueuedMail};
use osc::store::plants::{Plant, SubPlant};
use osc::store::saved_replies::SavedReply;
use osc::store::sessions::{Session, SessionOrigin};
use osc::store::tickets::{Attachment, Replacement, StatusChange, Ticket, TicketMessage};
use osc::store::tokens::{Token, TokenKind};
use osc::store::two_factor::TwoStep;
use osc::store::users::{DeliveryAddress, InfoRequest, User, UserStatus};
use osc::store::webhooks::{Attempt, Delivery, Endpoint};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares `value`'s encoding with `tests/golden/<name>.hex` and decodes the file back.
fn pinned<T: Serialize + DeserializeOwned + PartialEq + Debug>(name: &'static str, value: &T) {
    let path = golden_dir().join(format!("{name}.hex"));
    let bytes = codec::encode(value);
    if std::env::var_os("OSC_BLESS").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, format!("{}\n", hex::encode(&bytes))).unwrap();
    }
    let stored = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (OSC_BLESS=1 writes it)", path.display()));
    let stored = hex::decode(stored.trim()).expect("golden files are hex");
    let decoded: T = codec::decode(name, &stored)
        .unwrap_or_else(|e| panic!("{name}: the stored bytes no longer decode: {e}"));
    assert_eq!(
        &decoded, value,
        "{name}: the stored bytes decode to something else"
    );
    assert_eq!(
        hex::encode(&bytes),
        hex::encode(&stored),
        "{name}: the encoding changed; a migration is needed"
    );
}

fn address() -> DeliveryAddress {
    DeliveryAddress {
        id: 2,
        recipient: "Müller Solartechnik GmbH".into(),
        street: "Sonnenallee 1".into(),
        postal_code: "34266".into(),
        city: "Niestetal".into(),
        country: "DE".into(),
    }
}

fn user(status: UserStatus) -> User {
    User {
        id: 42,
        email: "anna.mueller@example.com".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        first_name: "Anna".into(),
        last_name: "Müller".into(),
        phone: "+49 561 9522 0".into(),
        kind: AccountKind::Installer,
        company: Some((7, CompanyRole::Admin)),
        language: Lang::De,
        security_question: "first-pet".into(),
        security_answer_hash: "$argon2id$v=19$answer".into(),
        status,
        failed_logins: 2,
        locked_at: Some(1_767_225_600),
        created_at: 1_735_689_600,
        last_login_at: Some(1_767_312_000),
        addresses: vec![address()],
        default_address: Some(2),
        info_requests: vec![InfoRequest {
            topic: "storage".into(),
            since: 1_750_000_000,
        }],
    }
}

#[test]
fn accounts_companies_sessions_tokens_invitations() {
    pinned("user-unconfirmed", &user(UserStatus::Unconfirmed));
    pinned("user-active", &user(UserStatus::Active));
    pinned(
        "user-removed",
        &user(UserStatus::Removed { at: 1_767_000_000 }),
    );
    pinned(
        "user-blocked",
        &user(UserStatus::Blocked {
            at: 1_767_000_001,
            reason: "Betrugsverdacht".into(),
        }),
    );
    pinned(
        "company",
        &Company {
            id: 7,
            name: "Müller Solartechnik GmbH".into(),
            street: "Sonnenallee 1".into(),
            postal_code: "34266".into(),
            city: "Niestetal".into(),
            country: "DE".into(),
            kind: AccountKind::Wholesaler,
            created_at: 1_735_689_600,
        },
    );
    pinned(
        "session",
        &Session {
            user_id: 42,
            created_at: 1_767_312_000,
            last_seen: 1_767_312_060,
        },
    );
    pinned(
        "session-origin",
        &SessionOrigin {
            user_agent: "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
                .into(),
            address: "2001:db8::7".into(),
        },
    );
    pinned(
        "two-step",
        &TwoStep {
            secret: *b"12345678901234567890",
            started_at: 1_767_312_000,
            enabled_at: Some(1_767_312_030),
            last_step: 58_910_401,
            recovery: vec![[7; 32], [9; 32]],
        },
    );
    pinned(
        "api-token",
        &ApiToken {
            user_id: 42,
            name: "ERP Süd".into(),
            read: true,
            write: false,
            company_wide: true,
            created_at: 1_767_312_000,
            expires_at: Some(1_775_088_000),
            last_used_at: Some(1_767_313_000),
        },
    );
    for (name, kind) in [
        ("token-confirm", TokenKind::Confirm),
        ("token-reset", TokenKind::Reset),
        ("token-email-change", TokenKind::EmailChange),
        ("token-login-step", TokenKind::LoginStep),
        ("token-first-run", TokenKind::FirstRun),
    ] {
        pinned(
            name,
            &Token {
                kind,
                user_id: 42,
                created_at: 1_767_312_000,
                expires_at: 1_767_398_400,
                used_at: Some(1_767_313_000),
            },
        );
    }
    for (name, state) in [
        ("invitation-pending", InvitationState::Pending),
        (
            "invitation-accepted",
            InvitationState::Accepted {
                user_id: 43,
                at: 1_767_400_000,
            },
        ),
        (
            "invitation-revoked",
            InvitationState::Revoked { at: 1_767_400_001 },
        ),
    ] {
        pinned(
            name,
            &Invitation {
                id: 3,
                company_id: 7,
                email: "igor@example.com".into(),
                role: CompanyRole::Member,
                invited_by: 42,
                sent_at: 1_767_312_000,
                expires_at: 1_767_916_800,
                token_hash: [0xab; 32],
                state,
            },
        );
    }
}

#[test]
fn plants_devices_documents() {
    pinned(
        "plant",
        &Plant {
            id: 11,
            company: Some(7),
            created_by: 42,
            name: "Hof Sonnenschein".into(),
            street: "Feldweg 2".into(),
            postal_code: "34266".into(),
            city: "Niestetal".into(),
            country: "DE".into(),
            latitude: Some(51.3127),
            longitude: Some(9.4797),
            commissioning: Some("2023-04-01".into()),
            operator_name: "Olga Owner".into(),
            operator_email: "owner@example.com".into(),
            created_at: 1_735_689_600,
            updated_at: 1_767_312_000,
            subplants: vec![SubPlant {
                id: 1,
                name: "Scheune".into(),
            }],
        },
    );
    pinned(
        "device",
        &Device {
            id: 5,
            plant_id: 11,
            serial: 2_130_012_345,
            product_id: 9345,
            name: "WR Dach".into(),
            subplant: Some(1),
            purchase_date: Some("2024-02-10".into()),
            commissioning_date: Some("2024-03-01".into()),
            pic: "PIC123".into(),
            rid: "RID456".into(),
            extended: true,
            created_by: 42,
            created_at: 1_735_689_600,
            removed_at: None,
            swaps: vec![SerialSwap {
                old: 2_130_000_001,
                new: 2_130_012_345,
                at: 1_767_000_000,
                ticket: 9,
            }],
            inherited_warranty_end: Some("2029-02-09".into()),
        },
    );
    pinned(
        "document",
        &Document {
            id: 4,
            plant_id: 11,
            name: "Anlagenpass.pdf".into(),
            size: 123_456,
            content_type: "application/pdf".into(),
            uploaded_by: 42,
            uploaded_at: 1_767_312_000,
            chunks: 1,
        },
    );
}

#[test]
fn tickets_in_every_kind_and_state() {
    let message = TicketMessage {
        at: 1_767_312_000,
        author: Some(42),
        author_name: "Anna Müller".into(),
        from_staff: false,
        internal: false,
        text: "Der Wechselrichter zeigt Ereignis 3501.".into(),
        attachments: vec![Attachment {
            no: 1,
            name: "kaufbeleg.pdf".into(),
            size: 2048,
            content_type: "application/pdf".into(),
        }],
    };
    let ticket = Ticket {
        id: 9,
        number: "2026-000123".into(),
        kind: TicketKind::Replacement,
        topic: Some("technical".into()),
        status: TicketStatus::Shipped,
        history: vec![
            StatusChange {
                at: 1_767_312_000,
                by: "Anna Müller".into(),
                from: None,
                to: TicketStatus::Submitted,
            },
            StatusChange {
                at: 1_767_400_000,
                by: "Sam Service".into(),
                from: Some(TicketStatus::Approved),
                to: TicketStatus::Shipped,
            },
        ],
        requester: Some(42),
        requester_name: "Anna Müller".into(),
        requester_email: "anna.mueller@example.com".into(),
        language: Lang::Fr,
        company: Some(7),
        plant: Some(11),
        device: Some(5),
        serial: Some(2_130_000_001),
        subject: "Wechselrichter ausgefallen".into(),
        replacement: Some(Replacement {
            product_id: 9345,
            event: "3501".into(),
            failure_date: "2026-11-30".into(),
            owner: false,
            delivery: address(),
            onsite_name: "Kai Vorort".into(),
            onsite_phone: "+49 170 1234567".into(),
            rma: "RMA-2026-77".into(),
            tracking: "00340434161094042557".into(),
            new_serial: Some(2_130_012_345),
        }),
        messages: vec![
            message.clone(),
            TicketMessage {
                from_staff: true,
                internal: true,
                attachments: Vec::new(),
                ..message
            },
        ],
        created_at: 1_767_312_000,
        updated_at: 1_767_400_000,
        assignee: Some(1),
    };
    pinned("ticket-replacement", &ticket);
    pinned(
        "ticket-row",
        &osc::store::ticket_list::TicketRow::of(&ticket),
    );
    let kinds = [
        TicketKind::Contact,
        TicketKind::Replacement,
        TicketKind::WarrantyExtension,
        TicketKind::InfoSheet,
    ];
    pinned("ticket-kinds", &kinds.to_vec());
    let states = [
        TicketStatus::New,
        TicketStatus::Submitted,
        TicketStatus::InProgress,
        TicketStatus::InReview,
        TicketStatus::WaitingForCustomer,
        TicketStatus::Approved,
        TicketStatus::Rejected,
        TicketStatus::Shipped,
        TicketStatus::AwaitingReturn,
        TicketStatus::Closed,
    ];
    pinned("ticket-states", &states.to_vec());
    pinned(
        "account-kinds",
        &vec![
            AccountKind::Installer,
            AccountKind::Wholesaler,
            AccountKind::Operator,
            AccountKind::Staff,
        ],
    );
    pinned(
        "company-roles",
        &vec![CompanyRole::Member, CompanyRole::Admin],
    );
    pinned("languages", &vec![Lang::Fr, Lang::De, Lang::En]);
}

#[test]
fn mail_audit_and_imports() {
    let mail = OutgoingMail {
        from: "\"Online Service\" <service@localhost>".into(),
        to: "anna.mueller@example.com".into(),
        subject: "Ticket 2026-000123".into(),
        text: "Hallo Anna,\n\nIhr Ticket ist eingegangen.\n".into(),
        thread: None,
    };
    for (name, state) in [
        ("mail-pending", MailState::Pending),
        ("mail-sent", MailState::Sent { at: 1_767_312_005 }),
        ("mail-bounced", MailState::Bounced { at: 1_767_312_905 }),
    ] {
        pinned(
            name,
            &QueuedMail {
                mail: mail.clone(),
                queued_at: 1_767_312_000,
                attempts: 1,
                last_error: Some("connection refused".into()),
                next_attempt_at: 1_767_312_060,
                state,
            },
        );
    }
    // The events of the first release as they were pinned, then each added since.
    pinned("audit-events", &Event::ALL[..17].to_vec());
    pinned("audit-event-sessions-ended", &Event::SessionsEnded);
    pinned("audit-event-inbox-retried", &Event::InboxRetried);
    pinned(
        "audit-events-api-tokens",
        &vec![Event::ApiTokenCreated, Event::ApiTokenRevoked],
    );
    pinned("audit-event-api-write", &Event::ApiWrite);
    pinned(
        "audit-events-webhooks",
        &vec![Event::WebhookAdded, Event::WebhookRemoved],
    );
    pinned("webhook-events", &HookEvent::ALL.to_vec());
    pinned(
        "webhook-endpoint",
        &Endpoint {
            owner: 42,
            company: Some(7),
            url: "https://erp.example.com/hooks/osc".into(),
            events: vec![HookEvent::RequestCreated, HookEvent::DeviceSwapped],
            secret: "whsec_00112233445566778899aabbccddeeff0011223344556677".into(),
            created_at: 1_767_312_000,
            failing_since: Some(1_767_313_000),
            paused_at: None,
        },
    );
    pinned(
        "webhook-delivery",
        &Delivery {
            endpoint: 3,
            event: HookEvent::RequestStateChanged,
            key: "whd_0123456789abcdef01234567".into(),
            body: r#"{"id":"whd_0123456789abcdef01234567","event":"request.state_changed"}"#.into(),
            created_at: 1_767_312_000,
            attempts: 2,
            last: Some(Attempt {
                at: 1_767_312_090,
                status: Some(503),
                millis: 41,
                error: None,
            }),
            delivered_at: None,
            next_at: Some(1_767_312_210),
        },
    );
    pinned(
        "saved-reply",
        &SavedReply {
            title: "Seriennummer fehlt".into(),
            texts: vec![
                (Lang::Fr, "Bonjour {name}".into()),
                (Lang::De, "Hallo {name}".into()),
                (Lang::En, "Hello {name}".into()),
            ],
            then: Some(TicketStatus::WaitingForCustomer),
            updated_by: 7,
            updated_at: 1_767_312_000,
        },
    );
    let day = Some(Hours {
        open: 480,
        close: 1020,
    });
    pinned(
        "service-levels",
        &Schedule {
            versions: vec![Levels {
                from: 1_767_312_000,
                calendar: Calendar {
                    zone: "Europe/Berlin".into(),
                    week: [day, day, day, day, day, None, None],
                    holidays: vec![Holiday {
                        date: "2026-12-25".into(),
                        name: "Weihnachten".into(),
                    }],
                },
                targets: [
                    Targets {
                        first_response_mins: 240,
                        resolution_mins: 960,
                    },
                    Targets::default(),
                    Targets::default(),
                    Targets::default(),
                ],
            }],
        },
    );
    pinned(
        "webhook-attempt-refused",
        &Attempt {
            at: 1_767_312_000,
            status: None,
            millis: 0,
            error: Some("refused".into()),
        },
    );
    pinned(
        "inbox-hold-reasons",
        &vec![
            HoldReason::Unreadable,
            HoldReason::TooLarge,
            HoldReason::TooMany,
            HoldReason::Failed,
        ],
    );
    pinned(
        "inbox-held",
        &HeldMessage {
            at: 1_767_312_005,
            file: "1767312005.M1P2.mx:2,".into(),
            from: "anna.mueller@example.com".into(),
            subject: "Re: 2026-000123".into(),
            size: 4096,
            reason: HoldReason::TooMany,
        },
    );
    pinned("audit-events-two-factor", &Event::ALL[18..23].to_vec());
    pinned(
        "audit-entry",
        &Entry {
            id: 77,
            at: 1_767_312_000,
            event: Event::AccountBlocked,
            actor: audit::Actor {
                user: Some(1),
                name: "Sam Service".into(),
                address: "127.0.0.1".into(),
            },
            subject_user: Some(42),
            subject: "anna.mueller@example.com".into(),
            detail: "Betrugsverdacht".into(),
        },
    );
    let places = vec![
        Place::File,
        Place::Line(12),
        Place::Plant(2),
        Place::Device(2, 3),
    ];
    pinned("import-places", &places);
    let reasons = vec![
        Reason::NotAnExport,
        Reason::JsonMalformed,
        Reason::Empty,
        Reason::MissingColumn,
        Reason::MissingValue,
        Reason::SerialMalformed,
        Reason::ProductUnknown,
        Reason::NotRegistrable,
        Reason::SerialTaken,
        Reason::SerialTwice,
        Reason::CountryClosed,
        Reason::CoordinatesInvalid,
        Reason::DateInvalid,
        Reason::PlantDataDiffer,
        Reason::TooManyDevices,
    ];
    pinned("import-reasons", &reasons);
    let preview = Preview {
        format: "csv".into(),
        plants: vec![PlantPlan {
            place: Place::Line(2),
            portal_id: "a1b2c3".into(),
            existing: Some(11),
            name: "Hof Sonnenschein".into(),
            street: "Feldweg 2".into(),
            postal_code: "34266".into(),
            city: "Niestetal".into(),
            country: "DE".into(),
            latitude: Some(51.3127),
            longitude: None,
            commissioning: Some("2023-04-01".into()),
            new_subplants: vec!["Scheune".into()],
            devices: vec![DevicePlan {
                place: Place::Line(3),
                serial: 2_130_012_345,
                product_id: 9345,
                name: "WR Dach".into(),
                subplant: "Scheune".into(),
                commissioning: None,
            }],
            known: 1,
            missing: vec![2_130_000_001],
        }],
        problems: vec![Problem {
            place: Place::Line(4),
            reason: Reason::SerialMalformed,
            detail: "12ab".into(),
        }],
    };
    let applied = Applied {
        plant: 11,
        name: "Hof Sonnenschein".into(),
        devices_added: 3,
        subplants_added: 1,
        missing: 0,
    };
    for (name, state) in [
        ("import-checking", ImportState::Checking),
        ("import-ready", ImportState::Ready(preview)),
        (
            "import-done",
            ImportState::Done(Outcome {
                created: vec![applied.clone()],
                updated: vec![applied],
                skipped: vec![("Halle".into(), "serial-taken".into())],
                refused_rows: 2,
            }),
        ),
        ("import-cancelled", ImportState::Cancelled),
    ] {
        pinned(
            name,
            &ImportRecord {
                id: 6,
                user: 42,
                file_name: "export.csv".into(),
                size: 4096,
                created_at: 1_767_312_000,
                state,
            },
        );
    }
}
