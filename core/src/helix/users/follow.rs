use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::rfc3339;

/// One follow relationship (Get Users Follows, retired by Twitch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Follow {
    /// Id of the following user.
    pub from_id: String,
    /// Login of the following user.
    #[serde(default)]
    pub from_login: String,
    /// Display name of the following user.
    #[serde(default)]
    pub from_name: String,
    /// Id of the followed user.
    pub to_id: String,
    /// Login of the followed user.
    #[serde(default)]
    pub to_login: String,
    /// Display name of the followed user.
    #[serde(default)]
    pub to_name: String,
    /// When the follow started.
    #[serde(with = "rfc3339")]
    pub followed_at: OffsetDateTime,
}
