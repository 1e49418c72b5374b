//! GET and POST /helix/entitlements/codes, GET /helix/entitlements/drops,
//! POST /helix/entitlements/upload (app tokens only, except Get Drops Entitlements,
//! which also takes a user token).

use axum::response::Response;
use serde::Serialize;

use super::{data, page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::DropEntitlement;
use crate::state::State;

const MAX_CODES: usize = 20;
const MAX_MANIFEST_ID: usize = 64;

#[derive(Serialize)]
struct CodeStatus {
    code: String,
    status: String,
}

/// `XXXXX-XXXXX-XXXXX` with upper-case letters and digits.
fn well_formed(code: &str) -> bool {
    let groups: Vec<&str> = code.split('-').collect();
    groups.len() == 3
        && groups.iter().all(|g| {
            g.len() == 5
                && g.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

/// `code` (1 to 20) and a numeric `user_id`.
fn code_params(req: &HelixRequest) -> Result<Vec<&str>, ApiError> {
    let user_id = req.params.required("user_id")?;
    if !user_id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::bad_request(
            "The parameter \"user_id\" was malformed: the value must be a numeric user ID",
        ));
    }
    let codes = req.params.list("code", MAX_CODES)?;
    if codes.is_empty() {
        return Err(ApiError::bad_request("Missing required parameter \"code\""));
    }
    if codes.iter().any(|c| c.contains(',')) {
        return Err(ApiError::bad_request(
            "The code parameter may not contain a comma-delimited list; repeat the parameter",
        ));
    }
    Ok(codes)
}

fn status_of(state: &State, code: &str) -> String {
    if !well_formed(code) {
        return "INCORRECT_FORMAT".to_owned();
    }
    state
        .data
        .codes
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, s)| s.clone())
        .unwrap_or_else(|| "NOT_FOUND".to_owned())
}

/// The status of each `code`, in the order asked.
pub(crate) fn code_status(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.require_app()?;
    let codes = code_params(req)?;
    data(
        codes
            .iter()
            .map(|code| CodeStatus {
                code: (*code).to_owned(),
                status: status_of(state, code),
            })
            .collect(),
    )
}

/// Redeems each `code`: UNUSED ones answer SUCCESSFULLY_REDEEMED and become
/// ALREADY_CLAIMED; others answer their status.
pub(crate) fn redeem(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.require_app()?;
    let codes = code_params(req)?;
    let mut answers = Vec::new();
    for code in codes {
        let mut status = status_of(state, code);
        if status == "UNUSED" {
            for entry in state.data.codes.iter_mut().filter(|(c, _)| c == code) {
                entry.1 = "ALREADY_CLAIMED".to_owned();
            }
            status = "SUCCESSFULLY_REDEEMED".to_owned();
        }
        answers.push(CodeStatus {
            code: code.to_owned(),
            status,
        });
    }
    data(answers)
}

/// Drops entitlements filtered by `id` (up to 100), `user_id`, `game_id`
/// and `fulfillment_status`; `first` 1..=1000. App or user token.
pub(crate) fn drops(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let params = &req.params;
    let ids = params.list("id", 100)?;
    let user_id = params.non_empty("user_id");
    let game_id = params.non_empty("game_id");
    let status = match params.non_empty("fulfillment_status") {
        None => None,
        Some(_) => Some(params.one_of("fulfillment_status", &["CLAIMED", "FULFILLED"])?),
    };
    let paging = params.page_with(false, 20, 1000)?;
    let found: Vec<DropEntitlement> = state
        .data
        .drops
        .iter()
        .filter(|d| ids.is_empty() || ids.contains(&d.id.as_str()))
        .filter(|d| user_id.is_none_or(|u| d.user_id == u))
        .filter(|d| game_id.is_none_or(|g| d.game_id == g))
        .filter(|d| status.is_none_or(|s| d.fulfillment_status == s))
        .cloned()
        .collect();
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}

#[derive(Serialize)]
struct UploadUrl {
    url: String,
}

/// An upload URL for a bulk drops grant manifest (`manifest_id` 1 to 64
/// characters, `type=bulk_drops_grant`).
pub(crate) fn upload(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.require_app()?;
    let manifest_id = req.params.required("manifest_id")?;
    if manifest_id.chars().count() > MAX_MANIFEST_ID {
        return Err(ApiError::bad_request(
            "The manifest_id must be 1 to 64 characters long",
        ));
    }
    let kind = req.params.required("type")?;
    if kind != "bulk_drops_grant" {
        return Err(ApiError::bad_request(
            "The parameter \"type\" was malformed: the value must be bulk_drops_grant",
        ));
    }
    let token = state.next_secret();
    let manifest: String = url::form_urlencoded::byte_serialize(manifest_id.as_bytes()).collect();
    data(vec![UploadUrl {
        url: format!(
            "https://twitch-bulk-drops-grants.s3-us-west-2.amazonaws.com/{}/{manifest}?X-Amz-Signature={token}",
            auth.client_id
        ),
    }])
}
