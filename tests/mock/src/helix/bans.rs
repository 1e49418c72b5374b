//! GET /helix/moderation/banned and GET /helix/moderation/banned/events.

use axum::response::Response;

use super::{page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::{BanEventData, BannedUser, ModerationEvent};
use crate::state::State;

const SCOPES: &[&str] = &["moderation:read", "moderator:manage:banned_users"];

/// Banned and timed-out users of the token user's channel (`broadcaster_id` =
/// token user), newest first, optionally only `user_id`s (at most 100);
/// pages with `after` or `before`.
pub(crate) fn banned(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, SCOPES, "broadcaster_id")?;
    let user_ids = req.params.list("user_id", 100)?;
    let paging = req.params.page(true)?;
    let found: Vec<BannedUser> = state
        .data
        .bans
        .iter()
        .filter(|b| b.broadcaster_id == broadcaster_id)
        .filter(|b| user_ids.is_empty() || user_ids.contains(&b.user_id.as_str()))
        .cloned()
        .collect();
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}

/// Bans and unbans in the token user's channel, newest first, optionally
/// only `user_id`s (at most 100).
pub(crate) fn events(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, SCOPES, "broadcaster_id")?;
    let user_ids = req.params.list("user_id", 100)?;
    let paging = req.params.page(false)?;
    let found: Vec<ModerationEvent<BanEventData>> = state
        .data
        .ban_events
        .iter()
        .filter(|e| e.event_data.broadcaster_id == broadcaster_id)
        .filter(|e| user_ids.is_empty() || user_ids.contains(&e.event_data.user_id.as_str()))
        .cloned()
        .collect();
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}
