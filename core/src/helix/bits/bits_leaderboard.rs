use serde::{Deserialize, Deserializer, Serialize};
use time::OffsetDateTime;

use crate::helix::analytics::DateRange;
use crate::serde_util::rfc3339_opt;

/// The Bits leaderboard (Get Bits Leaderboard): Twitch's `data` entries plus
/// the `date_range` and `total` beside them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BitsLeaderboard {
    /// The ranked users (Twitch's `data`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub entries: Vec<BitsLeaderboardEntry>,
    /// The span the leaderboard covers; `None` for the period `all` (Twitch
    /// sends empty timestamps then).
    #[serde(default, deserialize_with = "date_range_opt")]
    pub date_range: Option<DateRange>,
    /// Number of entries.
    #[serde(default)]
    pub total: u64,
}

/// One ranked user of the Bits leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BitsLeaderboardEntry {
    /// The user's id.
    pub user_id: String,
    /// The user's login name.
    #[serde(default)]
    pub user_login: String,
    /// The user's display name.
    #[serde(default)]
    pub user_name: String,
    /// Rank on the leaderboard (1 is first).
    pub rank: u32,
    /// Bits cheered in the period.
    pub score: u64,
}

/// A `date_range` whose timestamps may be `""`; a range without both is `None`.
pub(super) fn date_range_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateRange>, D::Error> {
    #[derive(Deserialize)]
    struct Raw {
        #[serde(default, with = "rfc3339_opt")]
        started_at: Option<OffsetDateTime>,
        #[serde(default, with = "rfc3339_opt")]
        ended_at: Option<OffsetDateTime>,
    }
    Ok(match Option::<Raw>::deserialize(d)? {
        Some(Raw {
            started_at: Some(started_at),
            ended_at: Some(ended_at),
        }) => Some(DateRange {
            started_at,
            ended_at,
        }),
        _ => None,
    })
}
