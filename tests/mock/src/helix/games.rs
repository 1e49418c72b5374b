//! GET /helix/games and GET /helix/games/top.

use axum::response::Response;

use super::{data, page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::Game;
use crate::state::State;

/// Games by `id`, `name` or `igdb_id` (at least one, at most 100 together).
pub(crate) fn get(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let ids = req.params.list("id", 100)?;
    let names = req.params.list("name", 100)?;
    let igdb_ids = req.params.list("igdb_id", 100)?;
    let total = ids.len() + names.len() + igdb_ids.len();
    if total == 0 {
        return Err(ApiError::bad_request(
            "One of the parameters \"id\", \"name\" or \"igdb_id\" is required",
        ));
    }
    if total > 100 {
        return Err(ApiError::bad_request(
            "The total number of \"id\", \"name\" and \"igdb_id\" parameters must not exceed 100",
        ));
    }
    let games: Vec<Game> = state
        .data
        .games
        .iter()
        .filter(|g| {
            ids.contains(&g.id.as_str())
                || names.iter().any(|n| n.eq_ignore_ascii_case(&g.name))
                || (!g.igdb_id.is_empty() && igdb_ids.contains(&g.igdb_id.as_str()))
        })
        .cloned()
        .collect();
    data(games)
}

/// All games, most watched first.
pub(crate) fn top(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let paging = req.params.page(true)?;
    let (data, pagination) = paging.apply(&state.data.games);
    page(data, pagination)
}
