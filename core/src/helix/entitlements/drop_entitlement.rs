use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_default, rfc3339, rfc3339_opt};

/// A drop entitlement granted to a user (Get Drops Entitlements).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DropEntitlement {
    /// Entitlement id.
    pub id: String,
    /// Id of the benefit (reward) granted.
    #[serde(default)]
    pub benefit_id: String,
    /// When the entitlement was granted.
    #[serde(with = "rfc3339")]
    pub timestamp: OffsetDateTime,
    /// The user's id.
    #[serde(default)]
    pub user_id: String,
    /// The game's id.
    #[serde(default)]
    pub game_id: String,
    /// `CLAIMED` or `FULFILLED` (`""` when Twitch leaves it out).
    #[serde(default, deserialize_with = "null_as_default")]
    pub fulfillment_status: String,
    /// When the entitlement was last updated.
    #[serde(default, with = "rfc3339_opt")]
    pub last_updated: Option<OffsetDateTime>,
}
