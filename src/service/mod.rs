//! Use cases: what the portal does, with typed input in and a typed outcome out, each
//! write one unit of work on the store carrying its effects (mails, audit entries, index
//! changes). The command line, the pages and the tests call the same functions. The
//! areas move here from `web` one at a time; the service team's accounts come first.

pub mod staff;
