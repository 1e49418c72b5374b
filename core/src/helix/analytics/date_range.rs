use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::rfc3339;

/// The time span a report or leaderboard covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateRange {
    /// Start of the span.
    #[serde(with = "rfc3339")]
    pub started_at: OffsetDateTime,
    /// End of the span.
    #[serde(with = "rfc3339")]
    pub ended_at: OffsetDateTime,
}
