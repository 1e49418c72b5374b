use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_default, rfc3339};
use crate::types::HypeTrainContributionMethod;

/// A Hype Train progress event (Get Hype Train Events).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HypeTrainEvent {
    /// Event id.
    pub id: String,
    /// Event type (`hypetrain.progression`).
    #[serde(default)]
    pub event_type: String,
    /// When the event happened.
    #[serde(with = "rfc3339")]
    pub event_timestamp: OffsetDateTime,
    /// Version of the `event_data` layout (`"1.0"`).
    #[serde(default)]
    pub version: String,
    /// The Hype Train's state.
    pub event_data: HypeTrainEventData,
}

/// The state of a Hype Train.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HypeTrainEventData {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// When another Hype Train may start.
    #[serde(with = "rfc3339")]
    pub cooldown_end_time: OffsetDateTime,
    /// When this Hype Train ends.
    #[serde(with = "rfc3339")]
    pub expires_at: OffsetDateTime,
    /// Points needed to reach the next level.
    #[serde(default)]
    pub goal: u64,
    /// Hype Train id.
    pub id: String,
    /// The latest contribution.
    pub last_contribution: HypeTrainContribution,
    /// Current level.
    #[serde(default)]
    pub level: u32,
    /// When the Hype Train started.
    #[serde(with = "rfc3339")]
    pub started_at: OffsetDateTime,
    /// The largest contributions (one per method).
    #[serde(default, deserialize_with = "null_as_default")]
    pub top_contributions: Vec<HypeTrainContribution>,
    /// Points contributed at the current level.
    #[serde(default)]
    pub total: u64,
}

/// A contribution to a Hype Train.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HypeTrainContribution {
    /// Amount: Bits for `BITS`; 500, 1000 or 2500 per tier 1, 2 or 3 sub for `SUBS`.
    pub total: u64,
    /// How the user contributed (Twitch's `type`).
    #[serde(rename = "type")]
    pub contribution_type: HypeTrainContributionMethod,
    /// The contributor's user id.
    pub user: String,
}
