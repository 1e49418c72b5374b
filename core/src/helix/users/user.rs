use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_default, rfc3339};

/// A Twitch user (Get Users, Update User).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// User id.
    pub id: String,
    /// Login name.
    pub login: String,
    /// Display name.
    pub display_name: String,
    /// `"admin"`, `"global_mod"`, `"staff"` or `""`.
    #[serde(rename = "type", default)]
    pub user_type: String,
    /// `"affiliate"`, `"partner"` or `""`.
    #[serde(default)]
    pub broadcaster_type: String,
    /// Channel description.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// Profile image URL.
    #[serde(default)]
    pub profile_image_url: String,
    /// Offline image URL.
    #[serde(default)]
    pub offline_image_url: String,
    /// Total views (deprecated by Twitch, 0 for new accounts).
    #[serde(default)]
    pub view_count: u64,
    /// E-mail address; only with scope `user:read:email` for the token's user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// When the account was created.
    #[serde(with = "rfc3339")]
    pub created_at: OffsetDateTime,
}
