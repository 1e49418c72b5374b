//! GET /helix/subscriptions.

use axum::response::Response;
use serde::Serialize;

use super::{Auth, HelixRequest, Pagination};
use crate::errors::{json_ok, ApiError};
use crate::model::Subscription;
use crate::state::State;

#[derive(Serialize)]
struct SubscriptionsBody {
    data: Vec<Subscription>,
    pagination: Pagination,
    total: usize,
    points: u64,
}

/// Subscribers of the token user's channel (`broadcaster_id` = token user),
/// optionally only `user_id`s (at most 100); `total` and `points` cover the
/// whole channel.
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, &["channel:read:subscriptions"], "broadcaster_id")?;
    let user_ids = req.params.list("user_id", 100)?;
    let paging = req.params.page(true)?;
    let all: Vec<&Subscription> = state
        .data
        .subscriptions
        .iter()
        .filter(|s| s.broadcaster_id == broadcaster_id)
        .collect();
    let found: Vec<Subscription> = all
        .iter()
        .filter(|s| user_ids.is_empty() || user_ids.contains(&s.user_id.as_str()))
        .map(|s| (*s).clone())
        .collect();
    let (data, pagination) = if user_ids.is_empty() {
        paging.apply(&found)
    } else {
        (found, Pagination::default())
    };
    Ok(json_ok(&SubscriptionsBody {
        data,
        pagination,
        total: all.len(),
        points: all.iter().map(|s| s.points()).sum(),
    }))
}
