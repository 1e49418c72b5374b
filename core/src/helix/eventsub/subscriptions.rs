//! [`EventSubSubscriptions`]: what Create and Get EventSub Subscription(s) answer.

use http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::eventsub::Subscription;
use crate::helix::Parsed;
use crate::Error;

/// Subscriptions with the cost figures Twitch sends next to them.
///
/// Iterating gives the subscriptions (so the list endpoint can be walked
/// page by page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventSubSubscriptions {
    /// The subscriptions.
    pub data: Vec<Subscription>,
    /// How many subscriptions the client (or, for WebSockets, the user) has.
    #[serde(default)]
    pub total: u64,
    /// Their summed cost.
    #[serde(default)]
    pub total_cost: u64,
    /// The most they may cost.
    #[serde(default)]
    pub max_total_cost: u64,
}

impl IntoIterator for EventSubSubscriptions {
    type Item = Subscription;
    type IntoIter = std::vec::IntoIter<Subscription>;

    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter()
    }
}

#[derive(Deserialize)]
struct Body {
    #[serde(flatten)]
    subscriptions: EventSubSubscriptions,
    #[serde(default)]
    pagination: Option<Pagination>,
}

#[derive(Deserialize)]
struct Pagination {
    #[serde(default)]
    cursor: Option<String>,
}

/// Reads the answer of Create / Get EventSub Subscription(s).
pub(super) fn parse(
    _status: StatusCode,
    body: &[u8],
) -> Result<Parsed<EventSubSubscriptions>, Error> {
    let body: Body = serde_json::from_slice(body)
        .map_err(|e| Error::Protocol(format!("unexpected response body: {e}")))?;
    let total = Some(body.subscriptions.total);
    Ok(Parsed {
        data: body.subscriptions,
        cursor: body
            .pagination
            .and_then(|p| p.cursor)
            .filter(|c| !c.is_empty()),
        total,
    })
}
