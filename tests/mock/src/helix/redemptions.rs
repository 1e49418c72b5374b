//! GET and PATCH /helix/channel_points/custom_rewards/redemptions.

use std::cmp::Reverse;

use axum::response::Response;
use serde::Deserialize;

use super::rewards::{managed_reward, points_channel, MANAGE_SCOPES, READ_SCOPES};
use super::{data, json_body, page, Auth, HelixRequest, Pagination};
use crate::errors::ApiError;
use crate::model::{Redemption, CANCELED, FULFILLED, UNFULFILLED};
use crate::state::State;

const STATUSES: &[&str] = &[UNFULFILLED, FULFILLED, CANCELED];
const MAX_IDS: usize = 50;

/// Checks token, channel and reward; returns (broadcaster_id, reward_id).
fn reward_of<'a>(
    state: &State,
    auth: &Auth,
    req: &'a HelixRequest,
    scopes: &[&str],
) -> Result<(&'a str, &'a str), ApiError> {
    let broadcaster_id = auth.owner(req, scopes, "broadcaster_id")?;
    points_channel(state, broadcaster_id)?;
    let reward_id = req.params.required("reward_id")?;
    managed_reward(state, auth, broadcaster_id, reward_id)?;
    Ok((broadcaster_id, reward_id))
}

/// Redemptions of `reward_id` (a reward of this client): by `id` (at most
/// 50), or by `status` (required without `id`), `sort` OLDEST/NEWEST, paged
/// with `first` 1..=50 and `after`.
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let (_, reward_id) = reward_of(state, auth, req, READ_SCOPES)?;
    let params = &req.params;
    let ids = params.list("id", MAX_IDS)?;
    let status = match params.non_empty("status") {
        None if ids.is_empty() => return Err(ApiError::bad_request(
            "The status query parameter is required if you don't specify the id query parameter",
        )),
        None => None,
        Some(_) => Some(params.one_of("status", STATUSES)?),
    };
    let sort = params.one_of("sort", &["OLDEST", "NEWEST"])?;
    let paging = params.page_with(false, 20, MAX_IDS)?;
    let mut found: Vec<Redemption> = state
        .data
        .redemptions
        .iter()
        .filter(|r| r.reward.id == reward_id)
        .filter(|r| ids.is_empty() || ids.contains(&r.id.as_str()))
        .filter(|r| status.is_none_or(|s| r.status == s))
        .cloned()
        .collect();
    if !ids.is_empty() {
        return page(found, Pagination::default());
    }
    if sort == "NEWEST" {
        found.sort_by_key(|r| Reverse(r.redeemed_at));
    } else {
        found.sort_by_key(|r| r.redeemed_at);
    }
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}

#[derive(Debug, Deserialize)]
struct StatusChange {
    status: String,
}

/// Sets UNFULFILLED redemptions `id` (1 to 50) of `reward_id` to FULFILLED or
/// CANCELED; 404 when none of them is UNFULFILLED.
pub(crate) fn update(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let (_, reward_id) = reward_of(state, auth, req, MANAGE_SCOPES)?;
    let ids = req.params.list("id", MAX_IDS)?;
    if ids.is_empty() {
        return Err(ApiError::bad_request("Missing required parameter \"id\""));
    }
    let change: StatusChange = json_body(req)?;
    if change.status != FULFILLED && change.status != CANCELED {
        return Err(ApiError::bad_request(
            "The status must be FULFILLED or CANCELED",
        ));
    }
    let mut updated = Vec::new();
    for redemption in state.data.redemptions.iter_mut() {
        if redemption.reward.id == reward_id
            && redemption.status == UNFULFILLED
            && ids.contains(&redemption.id.as_str())
        {
            redemption.status = change.status.clone();
            updated.push(redemption.clone());
        }
    }
    if updated.is_empty() {
        return Err(ApiError::not_found(
            "No UNFULFILLED redemptions with the specified ids were found for this reward",
        ));
    }
    data(updated)
}
