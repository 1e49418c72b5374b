//! GET /helix/moderation/moderators and GET /helix/moderation/moderators/events.

use axum::response::Response;

use super::{page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::{ModerationEvent, Moderator, ModeratorEventData};
use crate::state::State;

const SCOPES: &[&str] = &[
    "moderation:read",
    "moderator:read:moderators",
    "channel:manage:moderators",
];

/// Moderators of the token user's channel (`broadcaster_id` = token user),
/// optionally only `user_id`s (at most 100).
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, SCOPES, "broadcaster_id")?;
    let user_ids = req.params.list("user_id", 100)?;
    let paging = req.params.page(false)?;
    let found: Vec<Moderator> = state
        .data
        .moderators
        .iter()
        .filter(|m| m.broadcaster_id == broadcaster_id)
        .filter(|m| user_ids.is_empty() || user_ids.contains(&m.user_id.as_str()))
        .cloned()
        .collect();
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}

/// Moderator additions and removals in the token user's channel, newest
/// first, optionally only `user_id`s (at most 100).
pub(crate) fn events(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, SCOPES, "broadcaster_id")?;
    let user_ids = req.params.list("user_id", 100)?;
    let paging = req.params.page(false)?;
    let found: Vec<ModerationEvent<ModeratorEventData>> = state
        .data
        .moderator_events
        .iter()
        .filter(|e| e.event_data.broadcaster_id == broadcaster_id)
        .filter(|e| user_ids.is_empty() || user_ids.contains(&e.event_data.user_id.as_str()))
        .cloned()
        .collect();
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}
