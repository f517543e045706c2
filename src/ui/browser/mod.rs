//! The browser's own services that the hooks wrap: the page's history
//! ([`history`]) and work deferred past a paint ([`schedule`]).

pub mod history;
pub mod schedule;
