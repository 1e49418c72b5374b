//! GET /helix/tags/streams, GET and PUT /helix/streams/tags (retired by
//! Twitch; served as documented in 2022).

use axum::response::Response;
use serde::Deserialize;

use super::{data, json_body, no_content, page, Auth, HelixRequest, Pagination};
use crate::errors::ApiError;
use crate::model::StreamTag;
use crate::seed_data::auto_tag_for;
use crate::state::State;

/// Most manual tags a channel may have.
const MAX_MANUAL_TAGS: usize = 5;

/// The tag catalogue (app or user token), by `tag_id` (at most 100) or paged.
pub(crate) fn all(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let ids = req.params.list("tag_id", 100)?;
    let paging = req.params.page(false)?;
    let tags = &state.data.tags;
    if !ids.is_empty() {
        let found: Vec<StreamTag> = tags
            .iter()
            .filter(|t| ids.contains(&t.tag_id.as_str()))
            .cloned()
            .collect();
        return page(found, Pagination::default());
    }
    let (data, pagination) = paging.apply(tags);
    page(data, pagination)
}

/// The automatic (language) tag and the manual tags of `broadcaster_id` (app
/// or user token).
pub(crate) fn stream_tags(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = req.params.required("broadcaster_id")?;
    let store = &state.data;
    let Some(channel) = store.channel(broadcaster_id) else {
        return data(Vec::<StreamTag>::new());
    };
    let mut ids: Vec<String> = auto_tag_for(&channel.broadcaster_language)
        .into_iter()
        .collect();
    ids.extend(
        store
            .stream_tags
            .get(broadcaster_id)
            .cloned()
            .unwrap_or_default(),
    );
    let found: Vec<StreamTag> = ids
        .iter()
        .filter_map(|id| store.tags.iter().find(|t| t.tag_id == *id))
        .cloned()
        .collect();
    data(found)
}

#[derive(Debug, Default, Deserialize)]
struct ReplaceTags {
    #[serde(default)]
    tag_ids: Vec<String>,
}

/// Replaces the manual tags of the token user's channel (scope
/// `channel:manage:broadcast`; `broadcaster_id` = token user; body
/// `{"tag_ids": [...]}`, at most 5, none automatic; empty or no body clears).
pub(crate) fn replace(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, &["channel:manage:broadcast"], "broadcaster_id")?;
    let body: ReplaceTags = if req.body.is_empty() {
        ReplaceTags::default()
    } else {
        json_body(req)?
    };
    if body.tag_ids.len() > MAX_MANUAL_TAGS {
        return Err(ApiError::bad_request("The list of tag IDs is too long"));
    }
    for id in &body.tag_ids {
        match state.data.tags.iter().find(|t| t.tag_id == *id) {
            None => {
                return Err(ApiError::bad_request(format!(
                    "The tag ID {id} is not valid"
                )))
            }
            Some(tag) if tag.is_auto => {
                return Err(ApiError::forbidden("You may not add automatic tags"))
            }
            Some(_) => {}
        }
    }
    let mut ids = body.tag_ids;
    ids.dedup();
    state
        .data
        .stream_tags
        .insert(broadcaster_id.to_owned(), ids);
    no_content()
}
