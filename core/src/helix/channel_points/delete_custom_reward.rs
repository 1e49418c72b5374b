//! [Delete Custom Reward](https://dev.twitch.tv/docs/api/reference#delete-custom-reward)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};

use super::not_found;
use crate::helix::{parse_no_content, Auth, Endpoint, Parsed, Query, Scopes};
use crate::{AuthScope, Error};

/// `delete_custom_reward`: deletes a Custom Reward the same client created.
/// Twitch answers 204 No Content.
///
/// Auth: user token of the broadcaster with `channel:manage:redemptions`.
/// Rule: `broadcaster_id` and `reward_id` are not empty. A reward that does not
/// exist is [`Error::NotFound`] with Twitch's message.
///
/// ```
/// use twitchapi_core::helix::{channel_points::DeleteCustomReward, Endpoint};
/// let req = DeleteCustomReward::new("274637212", "b045196d");
/// assert_eq!(req.query().encode(), "broadcaster_id=274637212&id=b045196d");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteCustomReward {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// The reward's id (query `id`).
    pub reward_id: String,
}

impl DeleteCustomReward {
    /// Deletes this reward of this broadcaster.
    pub fn new(broadcaster_id: impl Into<String>, reward_id: impl Into<String>) -> Self {
        DeleteCustomReward {
            broadcaster_id: broadcaster_id.into(),
            reward_id: reward_id.into(),
        }
    }
}

impl Endpoint for DeleteCustomReward {
    const METHOD: Method = Method::DELETE;
    const PATH: &'static str = "channel_points/custom_rewards";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelManageRedemptions]));
    const NAME: &'static str = "delete_custom_reward";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "reward_id: string, required",
    ];
    type Response = ();

    fn validate(&self) -> Result<(), Error> {
        if self.broadcaster_id.is_empty() || self.reward_id.is_empty() {
            return Err(Error::invalid(
                "broadcaster_id and reward_id must not be empty",
            ));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .push("id", &self.reward_id);
        q
    }

    fn parse_success(status: StatusCode, body: &[u8]) -> Result<Parsed<()>, Error> {
        parse_no_content(status, body)
    }

    fn map_error(status: StatusCode, message: &str) -> Option<Error> {
        not_found(status, message)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::assert_404_not_found;
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_request() {
        // Twitch documents no example request for this endpoint.
        let req = DeleteCustomReward::new("274637212", "b045196d-9ce7-4a27-a9b9-279ed341ab28");
        let (method, path, body) = build(&req);
        assert_eq!(method, "DELETE");
        assert_eq!(
            path,
            "/channel_points/custom_rewards?broadcaster_id=274637212\
             &id=b045196d-9ce7-4a27-a9b9-279ed341ab28"
        );
        assert_eq!(body, None);
        assert_eq!(vector("delete-custom-reward")["success_statuses"][0], "204");
        assert_eq!(req.auth().scopes(), &[AuthScope::ChannelManageRedemptions]);
    }

    #[test]
    fn parses_no_content() {
        let response = http::Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Vec::new())
            .unwrap();
        let res = helix()
            .parse_response::<DeleteCustomReward, _>(&response)
            .unwrap();
        assert_eq!(res.data, ());
    }

    #[test]
    fn not_found_carries_message() {
        assert_404_not_found::<DeleteCustomReward>();
    }

    #[test]
    fn rules() {
        assert_invalid(&DeleteCustomReward::new("", "r"));
        assert_invalid(&DeleteCustomReward::new("1", ""));
        assert!(DeleteCustomReward::new("1", "r").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: DeleteCustomReward =
            serde_json::from_str(r#"{"broadcaster_id":"1","reward_id":"r"}"#).unwrap();
        assert_eq!(req, DeleteCustomReward::new("1", "r"));
        let unknown = r#"{"broadcaster_id":"1","id":"r"}"#;
        assert!(serde_json::from_str::<DeleteCustomReward>(unknown).is_err());
    }
}
