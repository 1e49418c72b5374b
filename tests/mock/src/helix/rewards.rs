//! GET, POST, PATCH and DELETE /helix/channel_points/custom_rewards.

use axum::response::Response;

use super::reward_body::RewardBody;
use super::{data, json_body, no_content, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::{CustomReward, User};
use crate::seed_data::new_reward;
use crate::state::State;

pub(crate) const READ_SCOPES: &[&str] = &["channel:read:redemptions", "channel:manage:redemptions"];
pub(crate) const MANAGE_SCOPES: &[&str] = &["channel:manage:redemptions"];
const MAX_REWARDS: usize = 50;

/// The broadcaster, if channel points are available (partner or affiliate); else 403.
pub(crate) fn points_channel(state: &State, broadcaster_id: &str) -> Result<User, ApiError> {
    state
        .data
        .user(broadcaster_id)
        .filter(|u| !u.broadcaster_type.is_empty())
        .cloned()
        .ok_or_else(|| ApiError::forbidden("The broadcaster is not a partner or affiliate"))
}

/// Index of a reward of the channel that this client may manage; 404 / 403.
pub(crate) fn managed_reward(
    state: &State,
    auth: &Auth,
    broadcaster_id: &str,
    reward_id: &str,
) -> Result<usize, ApiError> {
    let index = state
        .data
        .rewards
        .iter()
        .position(|r| r.id == reward_id && r.broadcaster_id == broadcaster_id)
        .ok_or_else(|| {
            ApiError::not_found(
                "The custom reward specified in the id query parameter was not found",
            )
        })?;
    if state.data.rewards[index].client_id != auth.client_id {
        return Err(ApiError::forbidden(
            "The ID in the Client-Id header must match the client ID used to create the custom reward",
        ));
    }
    Ok(index)
}

fn duplicate(state: &State, broadcaster_id: &str, title: &str, except: &str) -> bool {
    state.data.rewards.iter().any(|r| {
        r.broadcaster_id == broadcaster_id && r.id != except && r.title.eq_ignore_ascii_case(title)
    })
}

/// Rewards of the token user's channel, optionally by `id` (at most 50; 404
/// when none exists) and `only_manageable_rewards`.
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, READ_SCOPES, "broadcaster_id")?;
    points_channel(state, broadcaster_id)?;
    let ids = req.params.list("id", 50)?;
    let only_manageable = req
        .params
        .boolean("only_manageable_rewards")?
        .unwrap_or(false);
    let found: Vec<CustomReward> = state
        .data
        .rewards
        .iter()
        .filter(|r| r.broadcaster_id == broadcaster_id)
        .filter(|r| ids.is_empty() || ids.contains(&r.id.as_str()))
        .filter(|r| !only_manageable || r.client_id == auth.client_id)
        .cloned()
        .collect();
    if !ids.is_empty() && found.is_empty() {
        return Err(ApiError::not_found(
            "All of the custom rewards specified in the id query parameter were not found",
        ));
    }
    data(found)
}

/// Creates a reward (200 with it); 400 on a duplicate title or more than 50 rewards.
pub(crate) fn create(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, MANAGE_SCOPES, "broadcaster_id")?;
    let owner = points_channel(state, broadcaster_id)?;
    let body: RewardBody = json_body(req)?;
    body.validate(true)?;
    if duplicate(state, broadcaster_id, body.title().unwrap_or_default(), "") {
        return Err(ApiError::bad_request(
            "CREATE_CUSTOM_REWARD_DUPLICATE_REWARD",
        ));
    }
    let count = state
        .data
        .rewards
        .iter()
        .filter(|r| r.broadcaster_id == broadcaster_id)
        .count();
    if count >= MAX_REWARDS {
        return Err(ApiError::bad_request(
            "CREATE_CUSTOM_REWARD_TOO_MANY_REWARDS",
        ));
    }
    let id = state.next_uuid();
    let mut reward = new_reward(&owner, id, &auth.client_id);
    body.apply(&mut reward)?;
    state.data.rewards.push(reward.clone());
    data(vec![reward])
}

/// Updates reward `id` with the fields given (200 with the reward).
pub(crate) fn update(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, MANAGE_SCOPES, "broadcaster_id")?;
    points_channel(state, broadcaster_id)?;
    let reward_id = req.params.required("id")?;
    let index = managed_reward(state, auth, broadcaster_id, reward_id)?;
    let body: RewardBody = json_body(req)?;
    body.validate(false)?;
    if let Some(title) = body.title() {
        if duplicate(state, broadcaster_id, title, reward_id) {
            return Err(ApiError::bad_request(
                "UPDATE_CUSTOM_REWARD_DUPLICATE_REWARD",
            ));
        }
    }
    let mut reward = state.data.rewards[index].clone();
    body.apply(&mut reward)?;
    state.data.rewards[index] = reward.clone();
    data(vec![reward])
}

/// Deletes reward `id` and its redemptions (204).
pub(crate) fn delete(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, MANAGE_SCOPES, "broadcaster_id")?;
    points_channel(state, broadcaster_id)?;
    let reward_id = req.params.required("id")?;
    let index = managed_reward(state, auth, broadcaster_id, reward_id)?;
    state.data.rewards.remove(index);
    state.data.redemptions.retain(|r| r.reward.id != reward_id);
    no_content()
}
