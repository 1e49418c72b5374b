//! GET /helix/users/extensions/list, GET and PUT /helix/users/extensions,
//! GET /helix/extensions/transactions.

use std::collections::BTreeMap;

use axum::response::Response;
use serde::Serialize;
use serde_json::Value;

use super::{data, json_body, page, Auth, HelixRequest};
use crate::errors::{json_ok, ApiError};
use crate::model::{ActiveExtensions, ActiveSlot, ExtensionTransaction};
use crate::seed_data::extensions::{default_active, find, installed};
use crate::state::State;

const READ_SCOPES: &[&str] = &["user:read:broadcast", "user:edit:broadcast"];

#[derive(Serialize)]
struct ActiveBody<'a> {
    data: &'a ActiveExtensions,
}

/// Every extension installed by the token user (scope `user:read:broadcast`).
pub(crate) fn list(
    _state: &mut State,
    auth: &Auth,
    _req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(READ_SCOPES)?;
    data(installed())
}

fn active_of(state: &State, user_id: &str) -> ActiveExtensions {
    if let Some(active) = state.data.active_extensions.get(user_id) {
        return active.clone();
    }
    if state.data.user(user_id).is_some() {
        default_active()
    } else {
        ActiveExtensions::default()
    }
}

/// Active extensions of `user_id` (app or user token, no scope needed); a user
/// token may leave `user_id` out for its own user.
pub(crate) fn active(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let user_id = match (req.params.non_empty("user_id"), auth.user_id.as_deref()) {
        (Some(user_id), _) | (None, Some(user_id)) => user_id,
        (None, None) => {
            return Err(ApiError::bad_request(
                "The \"user_id\" query parameter is required with an app access token",
            ))
        }
    };
    Ok(json_ok(&ActiveBody {
        data: &active_of(state, user_id),
    }))
}

fn bad(message: String) -> ApiError {
    ApiError::bad_request(message)
}

/// Checks one slot of `kind` and fills in the extension's name.
fn checked_slot(kind: &str, number: &str, value: Value) -> Result<ActiveSlot, ApiError> {
    let slots = match kind {
        "panel" => 3,
        "overlay" => 1,
        _ => 2,
    };
    if !number
        .parse::<u32>()
        .is_ok_and(|n| (1..=slots).contains(&n))
    {
        return Err(bad(format!("Invalid {kind} slot \"{number}\"")));
    }
    let mut slot: ActiveSlot = serde_json::from_value(value)
        .map_err(|e| bad(format!("Invalid {kind} slot \"{number}\": {e}")))?;
    if !slot.active {
        return Ok(ActiveSlot::default());
    }
    let (Some(id), Some(version)) = (slot.id.as_deref(), slot.version.as_deref()) else {
        return Err(bad(format!(
            "The active {kind} slot \"{number}\" must specify an id and a version"
        )));
    };
    let ext = find(id).filter(|e| e.version == version).ok_or_else(|| {
        bad(format!(
            "The extension {id} version {version} is not installed"
        ))
    })?;
    if !ext.kind.iter().any(|k| k == kind) {
        return Err(bad(format!(
            "The extension {id} cannot be activated as {kind}"
        )));
    }
    slot.name = Some(ext.name);
    if kind != "component" {
        slot.x = None;
        slot.y = None;
    }
    Ok(slot)
}

/// Changes the token user's active extensions (scope `user:edit:broadcast`;
/// body `{"data": {"panel": {"1": {...}}, "overlay": {...}, "component": {...}}}`).
/// Given slots replace the current ones; the answer is the new state.
pub(crate) fn update(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let user_id = auth.user_with(&["user:edit:broadcast"])?.to_owned();
    let body: Value = json_body(req)?;
    let Some(Value::Object(kinds)) = body.get("data").cloned() else {
        return Err(bad(
            "The request body must contain a \"data\" object".to_owned()
        ));
    };
    let mut active = active_of(state, &user_id);
    for (kind, slots) in kinds {
        if !["panel", "overlay", "component"].contains(&kind.as_str()) {
            return Err(bad(format!("Unknown extension type \"{kind}\"")));
        }
        let Value::Object(slots) = slots else {
            return Err(bad(format!("The \"{kind}\" value must be an object")));
        };
        let mut changed = BTreeMap::new();
        for (number, value) in slots {
            let slot = checked_slot(&kind, &number, value)?;
            changed.insert(number, slot);
        }
        let target = match kind.as_str() {
            "panel" => &mut active.panel,
            "overlay" => &mut active.overlay,
            "component" => &mut active.component,
            _ => return Err(bad(format!("Unknown extension type \"{kind}\""))),
        };
        target.extend(changed);
    }
    state.data.active_extensions.insert(user_id, active.clone());
    Ok(json_ok(&ActiveBody { data: &active }))
}

/// Bits transactions of `extension_id` (app token), optionally by `id`.
pub(crate) fn transactions(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.require_app()?;
    let extension_id = req.params.required("extension_id")?;
    let ids = req.params.list("id", 100)?;
    let paging = req.params.page(false)?;
    let found: Vec<ExtensionTransaction> = state
        .data
        .transactions
        .iter()
        .filter(|t| t.extension_id == extension_id)
        .filter(|t| ids.is_empty() || ids.contains(&t.id.as_str()))
        .cloned()
        .collect();
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}
