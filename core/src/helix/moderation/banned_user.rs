use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::rfc3339_opt;

/// A banned or timed-out user (Get Banned Users).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BannedUser {
    /// The banned user's id.
    pub user_id: String,
    /// The banned user's login.
    #[serde(default)]
    pub user_login: String,
    /// The banned user's display name.
    #[serde(default)]
    pub user_name: String,
    /// When a timeout ends; `None` for a permanent ban (Twitch sends `""`).
    #[serde(default, with = "rfc3339_opt")]
    pub expires_at: Option<OffsetDateTime>,
    /// When the ban was made (`None` in answers of the seed's time, which lacked it).
    #[serde(default, with = "rfc3339_opt")]
    pub created_at: Option<OffsetDateTime>,
    /// The reason given for the ban (may be empty).
    #[serde(default)]
    pub reason: String,
    /// Id of the moderator who banned the user.
    #[serde(default)]
    pub moderator_id: String,
    /// Login of the moderator who banned the user.
    #[serde(default)]
    pub moderator_login: String,
    /// Display name of the moderator who banned the user.
    #[serde(default)]
    pub moderator_name: String,
}
