//! Integration tests: the real server on a real socket (port 0), a real redb file and
//! index in a temp dir, mail through the real transports. One test binary, one module
//! per area.

mod accounts;
mod api;
mod api_changes;
mod backup;
mod browser;
mod cli;
mod common;
mod company;
mod devices;
mod disk;
mod documents;
mod dovecot;
mod durability;
mod exports;
mod first_run;
mod fixtures;
mod golden;
mod hardening;
mod html;
mod inbox;
mod layers;
mod layout;
mod mail;
mod malformed;
mod matrix;
mod observability;
mod pages;
mod personal_data;
mod plant_import;
mod plants;
mod reminders;
mod replacement;
mod saved_replies;
mod search;
mod service;
mod service_levels;
mod sessions;
mod tickets;
mod two_factor;
mod webhooks;
