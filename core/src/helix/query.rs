use std::fmt::Display;

use time::OffsetDateTime;

/// Ordered query parameters. Lists repeat their key (`id=1&id=2`), booleans are
/// `true`/`false`, datetimes RFC 3339 in UTC; absent values are left out.
///
/// ```
/// use twitchapi_core::helix::Query;
/// let mut q = Query::new();
/// q.list("id", &["1", "2"]);
/// q.push("first", 20);
/// q.opt("after", None::<&str>);
/// assert_eq!(q.encode(), "id=1&id=2&first=20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(&'static str, String)>);

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Query(Vec::new())
    }

    /// Appends one pair.
    pub fn push(&mut self, key: &'static str, value: impl Display) -> &mut Self {
        self.0.push((key, value.to_string()));
        self
    }

    /// Appends a pair when the value is present.
    pub fn opt(&mut self, key: &'static str, value: Option<impl Display>) -> &mut Self {
        if let Some(value) = value {
            self.push(key, value);
        }
        self
    }

    /// Appends one pair per list entry, repeating the key.
    pub fn list(&mut self, key: &'static str, values: &[impl Display]) -> &mut Self {
        for value in values {
            self.push(key, value);
        }
        self
    }

    /// Appends an RFC 3339 UTC timestamp when present.
    pub fn datetime(&mut self, key: &'static str, value: Option<&OffsetDateTime>) -> &mut Self {
        if let Some(value) = value {
            self.push(key, crate::serde_util::format_rfc3339(value));
        }
        self
    }

    /// The pairs, in order.
    pub fn pairs(&self) -> &[(&'static str, String)] {
        &self.0
    }

    /// True when there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Form-urlencoded query string (no leading `?`).
    pub fn encode(&self) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.0 {
            out.append_pair(k, v);
        }
        out.finish()
    }
}
/// Reads a datetime argument as the endpoints do (`started_at`, `ended_at`):
/// RFC 3339, or RFC 3339 without an offset, which is taken as UTC. `None` when
/// `text` is neither (the endpoints take `""` as "not given" before asking).
///
/// ```
/// use twitchapi_core::helix::{datetime_arg, Query};
///
/// let at = datetime_arg("2021-01-01T02:00:00+02:00").unwrap();
/// assert_eq!(datetime_arg("2021-01-01T00:00:00"), Some(at));
/// assert_eq!(datetime_arg("yesterday"), None);
/// // no RFC 3339 form in UTC (year 10000): refused, not sent broken
/// assert_eq!(datetime_arg("9999-12-31T23:30:00-01:00"), None);
/// let mut q = Query::new();
/// q.datetime("started_at", Some(&at));
/// assert_eq!(q.encode(), "started_at=2021-01-01T00%3A00%3A00Z");
/// ```
pub fn datetime_arg(text: &str) -> Option<OffsetDateTime> {
    crate::serde_util::datetime_arg::parse(text)
}
