//! GET /helix/search/categories and GET /helix/search/channels.

use axum::response::Response;
use serde::Serialize;

use super::{page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::seed_data::box_art_url;
use crate::state::State;

#[derive(Clone, Debug, Serialize)]
struct Category {
    id: String,
    name: String,
    box_art_url: String,
}

#[derive(Clone, Debug, Serialize)]
struct ChannelHit {
    broadcaster_language: String,
    broadcaster_login: String,
    display_name: String,
    game_id: String,
    game_name: String,
    id: String,
    is_live: bool,
    tag_ids: Vec<String>,
    tags: Vec<String>,
    thumbnail_url: String,
    title: String,
    /// RFC3339 while live, `""` otherwise.
    started_at: String,
}

fn query_lower(req: &HelixRequest) -> Result<String, ApiError> {
    Ok(req.params.required("query")?.to_lowercase())
}

/// Games whose name contains `query` (case-insensitive).
pub(crate) fn categories(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let query = query_lower(req)?;
    let paging = req.params.page(false)?;
    let hits: Vec<Category> = state
        .data
        .games
        .iter()
        .filter(|g| g.name.to_lowercase().contains(&query))
        .map(|g| Category {
            id: g.id.clone(),
            name: g.name.clone(),
            box_art_url: box_art_url(&g.id, "52", "72"),
        })
        .collect();
    let (data, pagination) = paging.apply(&hits);
    page(data, pagination)
}

/// Channels whose login or display name contains `query` (case-insensitive);
/// `live_only=true` keeps live ones.
pub(crate) fn channels(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let query = query_lower(req)?;
    let live_only = req.params.boolean("live_only")?.unwrap_or(false);
    let paging = req.params.page(false)?;
    let data = &state.data;
    let hits: Vec<ChannelHit> = data
        .users
        .iter()
        .filter(|u| {
            u.login.to_lowercase().contains(&query)
                || u.display_name.to_lowercase().contains(&query)
        })
        .filter_map(|user| {
            let channel = data.channel(&user.id)?;
            let live = data.is_live(&user.id);
            if live_only && live.is_none() {
                return None;
            }
            let started_at = live
                .and_then(|s| {
                    s.started_at
                        .format(&time::format_description::well_known::Rfc3339)
                        .ok()
                })
                .unwrap_or_default();
            Some(ChannelHit {
                broadcaster_language: channel.broadcaster_language.clone(),
                broadcaster_login: user.login.clone(),
                display_name: user.display_name.clone(),
                game_id: channel.game_id.clone(),
                game_name: channel.game_name.clone(),
                id: user.id.clone(),
                is_live: live.is_some(),
                tag_ids: Vec::new(),
                tags: channel.tags.clone(),
                thumbnail_url: user.profile_image_url.clone(),
                title: channel.title.clone(),
                started_at,
            })
        })
        .collect();
    let (data, pagination) = paging.apply(&hits);
    page(data, pagination)
}
