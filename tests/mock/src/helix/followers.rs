//! GET /helix/channels/followers (Get Channel Followers), over the same
//! follow edges as the retired users/follows.

use axum::response::Response;
use serde::Serialize;
use time::OffsetDateTime;

use super::{Auth, HelixRequest, Pagination};
use crate::errors::{json_ok, ApiError};
use crate::state::State;

const SCOPE: &str = "moderator:read:followers";

#[derive(Clone, Serialize)]
struct Follower {
    user_id: String,
    user_login: String,
    user_name: String,
    #[serde(with = "time::serde::rfc3339")]
    followed_at: OffsetDateTime,
}

#[derive(Serialize)]
struct FollowersBody {
    total: usize,
    data: Vec<Follower>,
    pagination: Pagination,
}

/// The broadcaster's followers, most recent first (`user_id`: only that
/// user's follow). As on Twitch: a user token is required; `total` is
/// always there, but `data` lists followers only for the broadcaster or one
/// of its moderators with `moderator:read:followers`; for anyone else it
/// holds only their own follow when they ask about themselves.
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let caller = auth.require_user()?.to_owned();
    let broadcaster_id = req.params.required("broadcaster_id")?;
    let user_id = req.params.non_empty("user_id");
    let page = req.params.page(false)?;
    let data = &state.data;
    let is_moderator = caller == broadcaster_id
        || data
            .moderators
            .iter()
            .any(|m| m.broadcaster_id == broadcaster_id && m.user_id == caller);
    let may_list = is_moderator && auth.has_scope(SCOPE);
    let all: Vec<Follower> = data
        .follows
        .iter()
        .filter(|f| f.to_id == broadcaster_id)
        .map(|f| Follower {
            user_id: f.from_id.clone(),
            user_login: f.from_login.clone(),
            user_name: f.from_name.clone(),
            followed_at: f.followed_at,
        })
        .collect();
    let total = all.len();
    let shown: Vec<Follower> = all
        .into_iter()
        .filter(|f| user_id.is_none_or(|id| f.user_id == id))
        .filter(|f| may_list || f.user_id == caller)
        .collect();
    let (data, pagination) = page.apply(&shown);
    Ok(json_ok(&FollowersBody {
        total,
        data,
        pagination,
    }))
}
