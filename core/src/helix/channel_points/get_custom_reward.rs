//! [Get Custom Reward](https://dev.twitch.tv/docs/api/reference#get-custom-reward)

use http::Method;
use serde::{Deserialize, Serialize};

use super::CustomReward;
use crate::helix::endpoint::check_max_len;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::{AuthScope, Error};

/// `get_custom_reward`: the Custom Rewards of the broadcaster's channel.
///
/// Auth: user token of the broadcaster with `channel:read:redemptions` or
/// `channel:manage:redemptions` (either one is enough). Rule: at most 50
/// `reward_id`s. `only_manageable_rewards` is always sent (default
/// false).
///
/// ```
/// use twitchapi_core::helix::{channel_points::GetCustomReward, Endpoint};
/// let req = GetCustomReward::new("274637212");
/// assert_eq!(req.query().encode(), "broadcaster_id=274637212&only_manageable_rewards=false");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetCustomReward {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// Only these rewards, at most 50 (query `id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub reward_id: Vec<String>,
    /// Only rewards this client may manage; default false.
    #[serde(default)]
    pub only_manageable_rewards: Option<bool>,
}

impl GetCustomReward {
    /// Every reward of this broadcaster.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetCustomReward {
            broadcaster_id: broadcaster_id.into(),
            reward_id: Vec::new(),
            only_manageable_rewards: None,
        }
    }
}

impl Endpoint for GetCustomReward {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "channel_points/custom_rewards";
    const AUTH: Auth = Auth::User(Scopes::Any(&[
        AuthScope::ChannelReadRedemptions,
        AuthScope::ChannelManageRedemptions,
    ]));
    const NAME: &'static str = "get_custom_reward";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "reward_id: [string]",
        "only_manageable_rewards: boolean, default false",
    ];
    type Response = Vec<CustomReward>;

    fn validate(&self) -> Result<(), Error> {
        check_max_len("reward_id", &self.reward_id, 50)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .list("id", &self.reward_id)
            .push(
                "only_manageable_rewards",
                self.only_manageable_rewards.unwrap_or(false),
            );
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_requests() {
        let all = GetCustomReward::new("274637212");
        assert_contains_in_order(&query_of(&all), &documented_query("get-custom-reward", 0));
        let (method, path, body) = build(&all);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/channel_points/custom_rewards?broadcaster_id=274637212&only_manageable_rewards=false"
        );
        assert_eq!(body, None);

        let manageable = GetCustomReward {
            only_manageable_rewards: Some(true),
            ..GetCustomReward::new("274637212")
        };
        assert_eq!(
            query_of(&manageable),
            documented_query("get-custom-reward", 1)
        );

        let by_id = GetCustomReward {
            reward_id: vec!["92af127c-7326-4483-a52b-b0da0be61c01".into()],
            ..GetCustomReward::new("274637212")
        };
        assert_contains_in_order(&query_of(&by_id), &documented_query("get-custom-reward", 2));
        let two = GetCustomReward {
            reward_id: vec!["a".into(), "b".into()],
            ..GetCustomReward::new("1")
        };
        assert_eq!(
            build(&two).1,
            "/channel_points/custom_rewards?broadcaster_id=1&id=a&id=b&only_manageable_rewards=false"
        );
        assert_eq!(
            two.auth(),
            Auth::User(Scopes::Any(&[
                AuthScope::ChannelReadRedemptions,
                AuthScope::ChannelManageRedemptions
            ]))
        );
    }

    #[test]
    fn the_manage_scope_alone_is_enough() {
        let rule = GetCustomReward::new("1").auth().required();
        assert!(rule.satisfied_by(&[AuthScope::ChannelManageRedemptions]));
        assert!(rule.satisfied_by(&[AuthScope::ChannelReadRedemptions]));
        assert!(!rule.satisfied_by(&[AuthScope::UserEdit]));
        assert!(!rule.satisfied_by(&[]));

        // The token lifecycle picks such a user token instead of refusing it.
        let now = crate::Instant::now();
        let mut tokens = crate::auth::Tokens::new(false);
        tokens
            .set_user_token(
                crate::Secret::new("u"),
                vec![AuthScope::ChannelManageRedemptions],
                None,
                None,
                now,
            )
            .unwrap();
        let token = tokens.peek(&GetCustomReward::new("1").auth(), now).unwrap();
        assert_eq!(token.map(|t| t.expose().to_owned()).as_deref(), Some("u"));
    }

    #[test]
    fn parses_documented_examples() {
        for n in 0..3 {
            let res = parse_ok::<GetCustomReward>(&example_body("get-custom-reward", n));
            let reward = &res.data[0];
            assert_eq!(reward.id, "92af127c-7326-4483-a52b-b0da0be61c01");
            assert_eq!(
                (reward.title.as_str(), reward.cost),
                ("game analysis", 50000)
            );
            assert_eq!(reward.broadcaster_name, "torpedo09");
            assert_eq!(reward.cooldown_expires_at, None);
            assert!(reward.is_enabled);
        }
        // Examples 2 and 3 leave out broadcaster_login.
        let res = parse_ok::<GetCustomReward>(&example_body("get-custom-reward", 1));
        assert_eq!(res.data[0].broadcaster_login, "");
    }

    #[test]
    fn rules() {
        let ids = |n: usize| (0..n).map(|i| format!("r{i}")).collect::<Vec<_>>();
        let fifty = GetCustomReward {
            reward_id: ids(50),
            ..GetCustomReward::new("1")
        };
        assert!(fifty.validate().is_ok());
        assert_invalid(&GetCustomReward {
            reward_id: ids(51),
            ..GetCustomReward::new("1")
        });
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetCustomReward = serde_json::from_str(
            r#"{"broadcaster_id":"1","reward_id":null,"only_manageable_rewards":true}"#,
        )
        .unwrap();
        assert!(req.reward_id.is_empty());
        assert_eq!(req.only_manageable_rewards, Some(true));
        let unknown = r#"{"broadcaster_id":"1","id":["r"]}"#;
        assert!(serde_json::from_str::<GetCustomReward>(unknown).is_err());
    }
}
