//! GET and DELETE /helix/eventsub/subscriptions.
//!
//! An app token sees its client's webhook subscriptions, a user token the
//! WebSocket subscriptions that user created with the client (as Twitch
//! does). Get filters by at most one of `status`, `type`, `user_id` (any
//! user id of the condition) and `subscription_id`, pages of 100 (see
//! [`crate::MockServer::set_eventsub_page_size`]) with `after`, oldest
//! first; `total` and `total_cost` cover all the caller's subscriptions
//! (cost only of those enabled or being verified). Delete takes `id`: 204,
//! or 404 for an id the caller does not own.

use axum::response::Response;
use serde::Serialize;

use super::subscription::{Stored, View, STATUSES};
use super::{WEBHOOK_MAX_TOTAL_COST, WEBSOCKET_MAX_TOTAL_COST};
use crate::errors::{json_ok, ApiError};
use crate::helix::{no_content, Auth, Cursor, HelixRequest, Pagination};
use crate::state::State;

/// The filters Get EventSub Subscriptions takes, at most one at a time.
const FILTERS: [&str; 4] = ["status", "type", "user_id", "subscription_id"];

/// How many subscriptions the holder of a token of `client_id` and `user_id`
/// has, and what the live ones cost.
pub(crate) fn totals(subs: &[Stored], client_id: &str, user_id: Option<&str>) -> (usize, u64) {
    let mine = subs.iter().filter(|s| s.owned_by(client_id, user_id));
    let (mut total, mut cost) = (0, 0);
    for sub in mine {
        total += 1;
        if sub.is_live() {
            cost += sub.cost;
        }
    }
    (total, cost)
}

/// `max_total_cost` for a user token (WebSockets) or an app token (webhooks).
pub(crate) fn max_total_cost(user_id: Option<&str>) -> u64 {
    match user_id {
        Some(_) => WEBSOCKET_MAX_TOTAL_COST,
        None => WEBHOOK_MAX_TOTAL_COST,
    }
}

#[derive(Serialize)]
struct Listed {
    data: Vec<View>,
    total: usize,
    total_cost: u64,
    max_total_cost: u64,
    pagination: Pagination,
}

/// Whether the condition names `user_id` in one of its user id keys.
fn names_user(sub: &Stored, user_id: &str) -> bool {
    sub.condition.as_object().is_some_and(|map| {
        map.iter()
            .any(|(k, v)| k.ends_with("user_id") && v.as_str() == Some(user_id))
    })
}

/// Get EventSub Subscriptions.
pub(crate) fn list(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let params = &req.params;
    let given: Vec<&str> = FILTERS
        .into_iter()
        .filter(|k| params.non_empty(k).is_some())
        .collect();
    let filter = match given.as_slice() {
        [] => None,
        [one] => Some((*one, params.non_empty(one).unwrap_or_default())),
        _ => {
            return Err(ApiError::bad_request(format!(
                "Only one of the filters {} may be specified",
                FILTERS.join(", ")
            )))
        }
    };
    if let Some(("status", status)) = filter {
        if !STATUSES.contains(&status) {
            return Err(ApiError::bad_request(
                "The parameter \"status\" was malformed: the value must be a subscription status",
            ));
        }
    }
    let user = auth.user_id.as_deref();
    let subs = &state.eventsub.subscriptions;
    let (total, total_cost) = totals(subs, &auth.client_id, user);
    let shown: Vec<View> = subs
        .iter()
        .filter(|s| s.owned_by(&auth.client_id, user))
        .filter(|s| match filter {
            None => true,
            Some(("status", v)) => s.status == v,
            Some(("type", v)) => s.kind == v,
            Some(("user_id", v)) => names_user(s, v),
            Some((_, v)) => s.id == v,
        })
        .map(Stored::view)
        .collect();
    let start = match params.non_empty("after") {
        None => 0,
        Some(text) => {
            Cursor::decode(text)
                .ok_or_else(|| ApiError::bad_request("Invalid cursor value"))?
                .end
        }
    };
    let len = shown.len();
    let start = start.min(len);
    let end = start
        .saturating_add(state.eventsub.page_size.max(1))
        .min(len);
    let cursor = (end < len).then(|| Cursor { start, end }.encode());
    Ok(json_ok(&Listed {
        data: shown[start..end].to_vec(),
        total,
        total_cost,
        max_total_cost: max_total_cost(user),
        pagination: Pagination { cursor },
    }))
}

/// Delete EventSub Subscription.
pub(crate) fn delete(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let id = req.params.required("id")?;
    let user = auth.user_id.as_deref();
    let subs = &mut state.eventsub.subscriptions;
    let at = subs
        .iter()
        .position(|s| s.id == id && s.owned_by(&auth.client_id, user))
        .ok_or_else(|| ApiError::not_found("subscription not found"))?;
    subs.remove(at);
    no_content()
}
