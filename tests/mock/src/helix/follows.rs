//! GET, POST and DELETE /helix/users/follows (retired by Twitch; served as
//! documented in 2021/2022).

use axum::response::Response;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{json_body, no_content, Auth, HelixRequest, Pagination};
use crate::errors::{json_ok, ApiError};
use crate::model::Follow;
use crate::state::State;

const SCOPES: &[&str] = &["user:edit:follows"];

#[derive(Debug, Deserialize)]
struct CreateFollow {
    from_id: String,
    to_id: String,
    #[serde(default)]
    allow_notifications: Option<bool>,
}

/// Makes `from_id` (the token user) follow `to_id` (scope `user:edit:follows`);
/// 204, also when the follow already exists.
pub(crate) fn create(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(SCOPES)?;
    let body: CreateFollow = json_body(req)?;
    let _ = body.allow_notifications;
    if body.from_id.is_empty() || body.to_id.is_empty() {
        return Err(ApiError::bad_request(
            "The from_id and to_id fields are required",
        ));
    }
    auth.require_self("from_id", &body.from_id)?;
    if body.from_id == body.to_id {
        return Err(ApiError::bad_request("A user cannot follow themselves"));
    }
    let data = &state.data;
    let (Some(from), Some(to)) = (data.user(&body.from_id), data.user(&body.to_id)) else {
        return Err(ApiError::bad_request("The to_id is not a valid user"));
    };
    if data
        .follows
        .iter()
        .any(|f| f.from_id == from.id && f.to_id == to.id)
    {
        return no_content();
    }
    let now = OffsetDateTime::now_utc();
    let follow = Follow {
        from_id: from.id.clone(),
        from_login: from.login.clone(),
        from_name: from.display_name.clone(),
        to_id: to.id.clone(),
        to_name: to.display_name.clone(),
        to_login: to.login.clone(),
        followed_at: now.replace_nanosecond(0).unwrap_or(now),
    };
    state.data.follows.insert(0, follow);
    no_content()
}

/// Makes `from_id` (the token user) unfollow `to_id` (scope
/// `user:edit:follows`); 204, also when there was no such follow.
pub(crate) fn delete(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(SCOPES)?;
    let from_id = req.params.required("from_id")?;
    let to_id = req.params.required("to_id")?;
    auth.require_self("from_id", from_id)?;
    state
        .data
        .follows
        .retain(|f| !(f.from_id == from_id && f.to_id == to_id));
    no_content()
}

#[derive(Serialize)]
struct FollowsBody {
    total: usize,
    data: Vec<Follow>,
    pagination: Pagination,
}

/// Follow edges filtered by `from_id` and/or `to_id`, most recent first.
pub(crate) fn get(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let from_id = req.params.non_empty("from_id");
    let to_id = req.params.non_empty("to_id");
    if from_id.is_none() && to_id.is_none() {
        return Err(ApiError::bad_request(
            "The \"from_id\" or \"to_id\" query parameter is required",
        ));
    }
    let page = req.params.page(false)?;
    let edges: Vec<Follow> = state
        .data
        .follows
        .iter()
        .filter(|f| from_id.is_none_or(|id| f.from_id == id))
        .filter(|f| to_id.is_none_or(|id| f.to_id == id))
        .cloned()
        .collect();
    let (data, pagination) = page.apply(&edges);
    Ok(json_ok(&FollowsBody {
        total: edges.len(),
        data,
        pagination,
    }))
}
