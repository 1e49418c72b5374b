//! GET /helix/users/follows (retired by Twitch; served as documented in 2022).

use axum::response::Response;
use serde::Serialize;

use super::{Auth, HelixRequest, Pagination};
use crate::errors::{json_ok, ApiError};
use crate::model::Follow;
use crate::state::State;

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
