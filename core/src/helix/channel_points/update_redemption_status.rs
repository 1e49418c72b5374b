//! [Update Redemption Status](https://dev.twitch.tv/docs/api/reference#update-redemption-status)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{not_found, Redemption};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::types::CustomRewardRedemptionStatus;
use crate::{AuthScope, Error};

/// `update_redemption_status`: fulfills or cancels (refunds) redemptions that
/// are still `UNFULFILLED`.
///
/// Auth: user token of the broadcaster with `channel:manage:redemptions`.
/// Rules: 1 to 50 `redemption_ids`; `status` is `FULFILLED` or `CANCELED`. No
/// matching unfulfilled redemption is [`Error::NotFound`] with Twitch's message.
///
/// ```
/// use twitchapi_core::helix::{channel_points::UpdateRedemptionStatus, Endpoint};
/// use twitchapi_core::types::CustomRewardRedemptionStatus;
/// let req = UpdateRedemptionStatus::new(
///     "274637212", "92af127c", vec!["17fa2df1".into()], CustomRewardRedemptionStatus::Canceled);
/// assert_eq!(req.query().encode(), "broadcaster_id=274637212&reward_id=92af127c&id=17fa2df1");
/// assert_eq!(req.body(), Some(serde_json::json!({"status": "CANCELED"})));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateRedemptionStatus {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// The reward's id.
    pub reward_id: String,
    /// The redemptions to update, 1 to 50 (query `id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub redemption_ids: Vec<String>,
    /// The new state: `FULFILLED` or `CANCELED`.
    pub status: CustomRewardRedemptionStatus,
}

impl UpdateRedemptionStatus {
    /// Sets these redemptions of this reward to `status`.
    pub fn new(
        broadcaster_id: impl Into<String>,
        reward_id: impl Into<String>,
        redemption_ids: Vec<String>,
        status: CustomRewardRedemptionStatus,
    ) -> Self {
        UpdateRedemptionStatus {
            broadcaster_id: broadcaster_id.into(),
            reward_id: reward_id.into(),
            redemption_ids,
            status,
        }
    }
}

impl Endpoint for UpdateRedemptionStatus {
    const METHOD: Method = Method::PATCH;
    const PATH: &'static str = "channel_points/custom_rewards/redemptions";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelManageRedemptions]));
    const NAME: &'static str = "update_redemption_status";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "reward_id: string, required",
        "redemption_ids: [string], required",
        "status: FULFILLED|CANCELED, required",
    ];
    type Response = Vec<Redemption>;

    fn validate(&self) -> Result<(), Error> {
        let n = self.redemption_ids.len();
        if !(1..=50).contains(&n) {
            return Err(Error::invalid(format!(
                "redemption_ids must have 1 to 50 entries, got {n}"
            )));
        }
        match self.status {
            CustomRewardRedemptionStatus::Fulfilled | CustomRewardRedemptionStatus::Canceled => {
                Ok(())
            }
            _ => Err(Error::invalid(format!(
                "status must be FULFILLED or CANCELED, got {:?}",
                self.status.as_str()
            ))),
        }
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .push("reward_id", &self.reward_id)
            .list("id", &self.redemption_ids);
        q
    }

    fn body(&self) -> Option<Value> {
        Some(json!({"status": self.status}))
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

    fn cancel(ids: Vec<String>) -> UpdateRedemptionStatus {
        UpdateRedemptionStatus::new(
            "274637212",
            "92af127c-7326-4483-a52b-b0da0be61c01",
            ids,
            CustomRewardRedemptionStatus::Canceled,
        )
    }

    #[test]
    fn builds_documented_request() {
        let doc = &vector("update-redemption-status")["examples"][0]["requests"][0];
        let req = cancel(vec!["17fa2df1-ad76-4804-bfa5-a40ef63efe63".into()]);
        assert_eq!(
            query_of(&req),
            documented_query("update-redemption-status", 0)
        );
        let (method, path, body) = build(&req);
        assert_eq!(method, "PATCH");
        assert_eq!(
            path,
            "/channel_points/custom_rewards/redemptions?broadcaster_id=274637212\
             &reward_id=92af127c-7326-4483-a52b-b0da0be61c01&id=17fa2df1-ad76-4804-bfa5-a40ef63efe63"
        );
        assert_eq!(body.as_ref(), Some(&doc["body"]));
        let two = UpdateRedemptionStatus {
            status: CustomRewardRedemptionStatus::Fulfilled,
            ..cancel(vec!["a".into(), "b".into()])
        };
        let (_, path, body) = build(&two);
        assert!(path.ends_with("&id=a&id=b"));
        assert_eq!(body, Some(serde_json::json!({"status": "FULFILLED"})));
        assert_eq!(two.auth().scopes(), &[AuthScope::ChannelManageRedemptions]);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<UpdateRedemptionStatus>(&example_body("update-redemption-status", 0));
        let redemption = &res.data[0];
        assert_eq!(redemption.status, CustomRewardRedemptionStatus::Canceled);
        assert_eq!(redemption.broadcaster_name, "torpedo09");
        assert_eq!(redemption.redeemed_at.unix_timestamp(), 1593628652);
        assert_eq!(redemption.reward.prompt, "");
    }

    #[test]
    fn not_found_carries_message() {
        assert_404_not_found::<UpdateRedemptionStatus>();
    }

    #[test]
    fn rules() {
        let ids = |n: usize| (0..n).map(|i| format!("x{i}")).collect::<Vec<_>>();
        assert_invalid(&cancel(Vec::new()));
        assert_invalid(&cancel(ids(51)));
        assert!(cancel(ids(1)).validate().is_ok());
        assert!(cancel(ids(50)).validate().is_ok());
        for status in [
            CustomRewardRedemptionStatus::Unfulfilled,
            CustomRewardRedemptionStatus::Unknown("LOST".into()),
        ] {
            assert_invalid(&UpdateRedemptionStatus {
                status,
                ..cancel(ids(1))
            });
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: UpdateRedemptionStatus = serde_json::from_str(
            r#"{"broadcaster_id":"1","reward_id":"r","redemption_ids":["a"],"status":"FULFILLED"}"#,
        )
        .unwrap();
        assert_eq!(req.status, CustomRewardRedemptionStatus::Fulfilled);
        assert_eq!(req.redemption_ids, ["a"]);
        let unknown = r#"{"broadcaster_id":"1","reward_id":"r","id":["a"],"status":"FULFILLED"}"#;
        assert!(serde_json::from_str::<UpdateRedemptionStatus>(unknown).is_err());
    }
}
