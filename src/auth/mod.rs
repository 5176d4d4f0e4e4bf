//! Who is asking, and what they may do. [`policy`] is the one place that answers
//! "may this actor do this"; nothing else decides access.

pub mod policy;
