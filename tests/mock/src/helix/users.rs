//! GET /helix/users and PUT /helix/users.

use axum::response::Response;

use super::{data, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::User;
use crate::state::State;

/// Longest description PUT /users accepts.
const MAX_DESCRIPTION: usize = 300;

fn shows_email(auth: &Auth, user: &User) -> bool {
    auth.user_id.as_deref() == Some(user.id.as_str()) && auth.has_scope("user:read:email")
}

/// Users by `id` and `login` (at most 100 together); none -> the token's user.
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let ids = req.params.list("id", 100)?;
    let logins = req.params.list("login", 100)?;
    if ids.len() + logins.len() > 100 {
        return Err(ApiError::bad_request(
            "The total number of \"id\" and \"login\" parameters must not exceed 100",
        ));
    }
    let users = &state.data;
    let mut found: Vec<&User> = Vec::new();
    if ids.is_empty() && logins.is_empty() {
        let user_id = auth.require_user()?;
        found.extend(users.user(user_id));
    } else {
        let by_id = ids.iter().filter_map(|id| users.user(id));
        let by_login = logins.iter().filter_map(|login| users.user_by_login(login));
        for user in by_id.chain(by_login) {
            if !found.iter().any(|u| u.id == user.id) {
                found.push(user);
            }
        }
    }
    data(
        found
            .into_iter()
            .map(|u| u.view(shows_email(auth, u)))
            .collect(),
    )
}

/// Updates the token user's description (scope `user:edit`).
pub(crate) fn put(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let user_id = auth.require_user()?;
    auth.require_any_scope(&["user:edit"])?;
    if let Some(description) = req.params.get("description") {
        if description.chars().count() > MAX_DESCRIPTION {
            return Err(ApiError::bad_request(format!(
                "The description must not be longer than {MAX_DESCRIPTION} characters"
            )));
        }
        let user = state
            .data
            .users
            .iter_mut()
            .find(|u| u.id == user_id)
            .ok_or_else(|| ApiError::bad_request("The user in the access token does not exist"))?;
        user.description = description.to_owned();
    }
    let user = state
        .data
        .user(user_id)
        .ok_or_else(|| ApiError::bad_request("The user in the access token does not exist"))?;
    data(vec![user.view(shows_email(auth, user))])
}
