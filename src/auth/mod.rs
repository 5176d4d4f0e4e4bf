//! Who is asking, and what they may do: password hashing, e-mailed tokens, sessions,
//! CSRF tokens, log-in throttling, the request extractors, and [`policy`], the one place
//! that answers "may this actor do this".

pub mod csrf;
pub mod extract;
pub mod password;
pub mod session;
pub mod throttle;
pub mod token;
