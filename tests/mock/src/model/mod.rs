//! Records served by Helix, shaped (field names and order) like Twitch's examples.

mod catalog;
mod community;
mod points;

use std::collections::HashMap;

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

pub(crate) use catalog::*;
pub(crate) use community::*;
pub(crate) use points::*;

/// RFC3339 text of a date-time (`""` if it cannot be formatted).
pub(crate) fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// A user, as in Get Users.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct User {
    pub id: String,
    pub login: String,
    pub display_name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub broadcaster_type: String,
    pub description: String,
    pub profile_image_url: String,
    pub offline_image_url: String,
    pub view_count: u64,
    /// Only set on copies that may show it (scope `user:read:email`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(skip)]
    pub private_email: String,
}

impl User {
    /// A copy for an answer, with the email only when `show_email`.
    pub fn view(&self, show_email: bool) -> User {
        let mut user = self.clone();
        user.email = show_email.then(|| self.private_email.clone());
        user
    }
}

/// A game or category, as in Get Games.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Game {
    pub id: String,
    pub name: String,
    pub box_art_url: String,
    pub igdb_id: String,
}

/// A channel, as in Get Channel Information.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Channel {
    pub broadcaster_id: String,
    pub broadcaster_login: String,
    pub broadcaster_name: String,
    pub broadcaster_language: String,
    pub game_id: String,
    pub game_name: String,
    pub title: String,
    pub delay: u32,
    pub tags: Vec<String>,
    pub content_classification_labels: Vec<String>,
    pub is_branded_content: bool,
}

/// A live stream; user, game, title, tags and language come from the channel.
#[derive(Clone, Debug)]
pub(crate) struct LiveStream {
    pub id: String,
    pub user_id: String,
    pub viewer_count: u64,
    pub started_at: OffsetDateTime,
    pub is_mature: bool,
}

/// A stream, as in Get Streams.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Stream {
    pub id: String,
    pub user_id: String,
    pub user_login: String,
    pub user_name: String,
    pub game_id: String,
    pub game_name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub tags: Vec<String>,
    pub viewer_count: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    pub language: String,
    pub thumbnail_url: String,
    pub tag_ids: Vec<String>,
    pub is_mature: bool,
}

/// A follow edge, as in the retired Get Users Follows.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Follow {
    pub from_id: String,
    pub from_login: String,
    pub from_name: String,
    pub to_id: String,
    pub to_name: String,
    pub to_login: String,
    #[serde(with = "time::serde::rfc3339")]
    pub followed_at: OffsetDateTime,
}

/// A clip, as in Get Clips.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Clip {
    pub id: String,
    pub url: String,
    pub embed_url: String,
    pub broadcaster_id: String,
    pub broadcaster_name: String,
    pub creator_id: String,
    pub creator_name: String,
    pub video_id: String,
    pub game_id: String,
    pub language: String,
    pub title: String,
    pub view_count: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub thumbnail_url: String,
    pub duration: f64,
    pub vod_offset: Option<u64>,
    pub is_featured: bool,
}

/// A muted part of a video.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct MutedSegment {
    pub duration: u64,
    pub offset: u64,
}

/// A video, as in Get Videos.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Video {
    pub id: String,
    pub stream_id: Option<String>,
    pub user_id: String,
    pub user_login: String,
    pub user_name: String,
    pub title: String,
    pub description: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub published_at: OffsetDateTime,
    pub url: String,
    pub thumbnail_url: String,
    pub viewable: String,
    pub view_count: u64,
    pub language: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub duration: String,
    pub muted_segments: Option<Vec<MutedSegment>>,
    /// Game played in the video (filter only, not in answers).
    #[serde(skip)]
    pub game_id: String,
    /// Score for `sort=trending` (not in answers).
    #[serde(skip)]
    pub trending: u64,
}

/// Everything Helix serves.
#[derive(Clone, Debug, Default)]
pub(crate) struct Data {
    pub users: Vec<User>,
    pub games: Vec<Game>,
    /// One per user, same order as `users`.
    pub channels: Vec<Channel>,
    /// Sorted by viewer count, highest first.
    pub streams: Vec<LiveStream>,
    /// Most recent first.
    pub follows: Vec<Follow>,
    pub clips: Vec<Clip>,
    pub videos: Vec<Video>,
    /// Custom rewards, in creation order.
    pub rewards: Vec<CustomReward>,
    /// Redemptions, oldest first.
    pub redemptions: Vec<Redemption>,
    /// Stream markers, most recent first.
    pub markers: Vec<Marker>,
    pub moderators: Vec<Moderator>,
    /// Most recent first.
    pub moderator_events: Vec<ModerationEvent<ModeratorEventData>>,
    pub bans: Vec<BannedUser>,
    /// Most recent first.
    pub ban_events: Vec<ModerationEvent<BanEventData>>,
    pub subscriptions: Vec<Subscription>,
    /// The tag catalogue.
    pub tags: Vec<StreamTag>,
    /// Manually set stream tag ids, by broadcaster id.
    pub stream_tags: HashMap<String, Vec<String>>,
    /// Redemption codes and their status.
    pub codes: Vec<(String, String)>,
    pub drops: Vec<DropEntitlement>,
    pub transactions: Vec<ExtensionTransaction>,
    pub webhooks: Vec<WebhookSubscription>,
    /// Active extensions changed by PUT /users/extensions, by user id.
    pub active_extensions: HashMap<String, ActiveExtensions>,
}

impl Data {
    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn user_by_login(&self, login: &str) -> Option<&User> {
        self.users
            .iter()
            .find(|u| u.login.eq_ignore_ascii_case(login))
    }

    pub fn game(&self, id: &str) -> Option<&Game> {
        self.games.iter().find(|g| g.id == id)
    }

    pub fn channel(&self, broadcaster_id: &str) -> Option<&Channel> {
        self.channels
            .iter()
            .find(|c| c.broadcaster_id == broadcaster_id)
    }

    pub fn is_live(&self, user_id: &str) -> Option<&LiveStream> {
        self.streams.iter().find(|s| s.user_id == user_id)
    }

    /// The Get Streams record of a live stream (None if its user is gone).
    pub fn stream_view(&self, live: &LiveStream) -> Option<Stream> {
        let user = self.user(&live.user_id)?;
        let channel = self.channel(&live.user_id)?;
        Some(Stream {
            id: live.id.clone(),
            user_id: user.id.clone(),
            user_login: user.login.clone(),
            user_name: user.display_name.clone(),
            game_id: channel.game_id.clone(),
            game_name: channel.game_name.clone(),
            kind: "live".to_owned(),
            title: channel.title.clone(),
            tags: channel.tags.clone(),
            viewer_count: live.viewer_count,
            started_at: live.started_at,
            language: channel.broadcaster_language.clone(),
            thumbnail_url: format!(
                "https://static-cdn.jtvnw.net/previews-ttv/live_user_{}-{{width}}x{{height}}.jpg",
                user.login
            ),
            tag_ids: Vec::new(),
            is_mature: live.is_mature,
        })
    }
}
