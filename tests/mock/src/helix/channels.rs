//! GET /helix/channels and PATCH /helix/channels.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{data, json_body, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::Channel;
use crate::state::State;

const MAX_TAGS: usize = 10;
const MAX_TAG_LEN: usize = 25;
const MAX_DELAY: u32 = 900;
const SETTABLE_LABELS: &[&str] = &[
    "DebatedSocialIssuesAndPolitics",
    "DrugsIntoxication",
    "SexualThemes",
    "ViolentGraphic",
    "Gambling",
    "ProfanityVulgarity",
];

/// Channels by `broadcaster_id` (1 to 100).
pub(crate) fn get(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let ids = req.params.list("broadcaster_id", 100)?;
    if ids.is_empty() {
        return Err(ApiError::bad_request(
            "Missing required parameter \"broadcaster_id\"",
        ));
    }
    let channels: Vec<Channel> = ids
        .iter()
        .filter_map(|id| state.data.channel(id))
        .cloned()
        .collect();
    data(channels)
}

#[derive(Debug, Deserialize)]
struct LabelChange {
    id: String,
    is_enabled: bool,
}

#[derive(Debug, Deserialize)]
struct ChannelChanges {
    game_id: Option<String>,
    broadcaster_language: Option<String>,
    title: Option<String>,
    delay: Option<i64>,
    tags: Option<Vec<String>>,
    content_classification_labels: Option<Vec<LabelChange>>,
    is_branded_content: Option<bool>,
}

impl ChannelChanges {
    fn is_empty(&self) -> bool {
        self.game_id.is_none()
            && self.broadcaster_language.is_none()
            && self.title.is_none()
            && self.delay.is_none()
            && self.tags.is_none()
            && self.content_classification_labels.is_none()
            && self.is_branded_content.is_none()
    }
}

fn bad(message: &str) -> ApiError {
    ApiError::bad_request(message)
}

/// Updates the token user's own channel (scope `channel:manage:broadcast`, or
/// the older `user:edit:broadcast`); answers 204.
pub(crate) fn patch(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let user_id = auth.require_user()?;
    auth.require_any_scope(&["channel:manage:broadcast", "user:edit:broadcast"])?;
    let broadcaster_id = req.params.required("broadcaster_id")?;
    if broadcaster_id != user_id {
        return Err(ApiError::unauthorized(
            "The ID in broadcaster_id must match the user ID found in the request's OAuth token",
        ));
    }
    let changes: ChannelChanges = json_body(req)?;
    if changes.is_empty() {
        return Err(bad("The request must update at least one property"));
    }
    let partner = state
        .data
        .user(user_id)
        .is_some_and(|u| u.broadcaster_type == "partner");
    let game = match changes.game_id.as_deref() {
        None => None,
        Some("") | Some("0") => Some((String::new(), String::new())),
        Some(id) => {
            let game = state
                .data
                .game(id)
                .ok_or_else(|| bad("The game_id is not valid"))?;
            Some((game.id.clone(), game.name.clone()))
        }
    };
    if let Some(lang) = changes.broadcaster_language.as_deref() {
        let iso = lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase());
        if !iso && lang != "other" {
            return Err(bad(
                "The broadcaster_language must be an ISO 639-1 code or \"other\"",
            ));
        }
    }
    if changes.title.as_deref() == Some("") {
        return Err(bad("The title may not be empty"));
    }
    let delay = match changes.delay {
        None => None,
        Some(d) if (0..=i64::from(MAX_DELAY)).contains(&d) => Some(d as u32),
        Some(_) => return Err(bad("The delay must be between 0 and 900 seconds")),
    };
    if delay.is_some_and(|d| d > 0) && !partner {
        return Err(bad("Only partners may set a broadcast delay"));
    }
    if let Some(tags) = &changes.tags {
        let valid = |t: &String| {
            !t.is_empty()
                && t.chars().count() <= MAX_TAG_LEN
                && t.chars().all(char::is_alphanumeric)
        };
        if tags.len() > MAX_TAGS || !tags.iter().all(valid) {
            return Err(bad(
                "Tags: at most 10, each 1 to 25 letters or digits without spaces",
            ));
        }
    }
    if let Some(labels) = &changes.content_classification_labels {
        if !labels
            .iter()
            .all(|l| SETTABLE_LABELS.contains(&l.id.as_str()))
        {
            return Err(bad("Invalid content classification label id"));
        }
    }
    let channel = state
        .data
        .channels
        .iter_mut()
        .find(|c| c.broadcaster_id == user_id)
        .ok_or_else(|| bad("The broadcaster does not exist"))?;
    if let Some((id, name)) = game {
        channel.game_id = id;
        channel.game_name = name;
    }
    if let Some(lang) = changes.broadcaster_language {
        channel.broadcaster_language = lang;
    }
    if let Some(title) = changes.title {
        channel.title = title;
    }
    if let Some(delay) = delay {
        channel.delay = delay;
    }
    if let Some(tags) = changes.tags {
        channel.tags = tags;
    }
    for label in changes.content_classification_labels.unwrap_or_default() {
        let labels = &mut channel.content_classification_labels;
        labels.retain(|l| *l != label.id);
        if label.is_enabled {
            labels.push(label.id);
        }
    }
    if let Some(branded) = changes.is_branded_content {
        channel.is_branded_content = branded;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
