//! Server-rendered pages (maud). [`layout::page`] is the frame of every page; the
//! files beside it render one area each, with the forms and page models they show.
//! Views only render: they read [`PageCtx`] and the data handed to them, never the store
//! or the application state.

pub mod accounts;
pub mod api_reference;
pub mod api_tokens;
pub mod assets;
pub mod company;
pub mod components;
pub mod context;
pub mod devices;
pub mod documents;
pub mod errors;
pub mod exports;
pub mod first_run;
pub mod format;
pub mod help;
pub mod home;
pub mod layout;
pub mod legal;
pub mod map;
pub mod personal_data;
pub mod plant_import;
pub mod plants;
pub mod profile;
pub mod qr;
pub mod replacement;
pub mod return_slip;
pub mod service;
pub mod sessions;
pub mod ticket_page;
pub mod tickets;
pub mod two_factor;
pub mod webhooks;

pub use context::PageCtx;
