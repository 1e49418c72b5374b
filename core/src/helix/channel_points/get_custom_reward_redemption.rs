//! [Get Custom Reward Redemption](https://dev.twitch.tv/docs/api/reference#get-custom-reward-redemption)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Redemption;
use crate::helix::endpoint::{check_first, check_known, check_max_len};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::types::{CustomRewardRedemptionStatus, SortOrder};
use crate::{AuthScope, Error};

/// `get_custom_reward_redemption`: redemptions of a Custom Reward the same
/// client created, by id or by status.
///
/// Auth: user token of the broadcaster with `channel:read:redemptions` or
/// `channel:manage:redemptions` (either one is enough). Rules: at most 50 `id`s; `first` in 1..=50; `status` is required when no `id` is
/// given; `status` and `sort` hold known values. Without `id`, `sort` (default
/// `OLDEST`) and `first` (default 20) are always sent; with `id` neither is.
///
/// ```
/// use twitchapi_core::helix::{channel_points::GetCustomRewardRedemption, Endpoint};
/// use twitchapi_core::types::CustomRewardRedemptionStatus;
/// let mut req = GetCustomRewardRedemption::new("274637212", "92af127c");
/// req.status = Some(CustomRewardRedemptionStatus::Unfulfilled);
/// assert_eq!(
///     req.query().encode(),
///     "broadcaster_id=274637212&reward_id=92af127c&status=UNFULFILLED&sort=OLDEST&first=20"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetCustomRewardRedemption {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// The reward's id.
    pub reward_id: String,
    /// Only these redemptions, at most 50.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub id: Vec<String>,
    /// Only redemptions in this state; required without `id`.
    #[serde(default)]
    pub status: Option<CustomRewardRedemptionStatus>,
    /// Order; default [`SortOrder::Oldest`].
    #[serde(default)]
    pub sort: Option<SortOrder>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 50; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl GetCustomRewardRedemption {
    /// Redemptions of this reward; set `status` or `id`.
    pub fn new(broadcaster_id: impl Into<String>, reward_id: impl Into<String>) -> Self {
        GetCustomRewardRedemption {
            broadcaster_id: broadcaster_id.into(),
            reward_id: reward_id.into(),
            id: Vec::new(),
            status: None,
            sort: None,
            after: None,
            first: None,
        }
    }
}

impl Endpoint for GetCustomRewardRedemption {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "channel_points/custom_rewards/redemptions";
    const AUTH: Auth = Auth::User(Scopes::Any(&[
        AuthScope::ChannelReadRedemptions,
        AuthScope::ChannelManageRedemptions,
    ]));
    const NAME: &'static str = "get_custom_reward_redemption";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "reward_id: string, required",
        "id: [string]",
        "status: UNFULFILLED|FULFILLED|CANCELED",
        "sort: OLDEST|NEWEST, default OLDEST",
        "after: string",
        "first: integer, default 20",
    ];
    type Response = Vec<Redemption>;

    fn validate(&self) -> Result<(), Error> {
        check_max_len("id", &self.id, 50)?;
        check_first(self.first, 50)?;
        match &self.status {
            None if self.id.is_empty() => {
                return Err(Error::invalid("status is required when no id is given"));
            }
            Some(status) => check_known("status", status.is_known(), status.as_str())?,
            None => {}
        }
        if let Some(sort) = &self.sort {
            check_known("sort", sort.is_known(), sort.as_str())?;
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let by_id = !self.id.is_empty();
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .push("reward_id", &self.reward_id)
            .list("id", &self.id)
            .opt("status", self.status.as_ref());
        if !by_id {
            q.push("sort", self.sort.as_ref().unwrap_or(&SortOrder::Oldest));
        }
        q.opt("after", self.after.as_deref());
        if !by_id {
            q.push("first", self.first.unwrap_or(20));
        }
        q
    }
}

impl crate::helix::Paginated for GetCustomRewardRedemption {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    const REWARD: &str = "92af127c-7326-4483-a52b-b0da0be61c01";

    fn by_status() -> GetCustomRewardRedemption {
        GetCustomRewardRedemption {
            status: Some(CustomRewardRedemptionStatus::Canceled),
            ..GetCustomRewardRedemption::new("274637212", REWARD)
        }
    }

    #[test]
    fn builds_documented_requests() {
        let req = by_status();
        let doc = documented_query("get-custom-reward-redemption", 0);
        assert_contains_in_order(&query_of(&req), &doc);
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            format!(
                "/channel_points/custom_rewards/redemptions?broadcaster_id=274637212\
                 &reward_id={REWARD}&status=CANCELED&sort=OLDEST&first=20"
            )
        );
        assert_eq!(body, None);

        let by_id = GetCustomRewardRedemption {
            id: vec!["17fa2df1-ad76-4804-bfa5-a40ef63efe63".into()],
            sort: Some(SortOrder::Newest),
            first: Some(5),
            ..GetCustomRewardRedemption::new("274637212", REWARD)
        };
        assert_eq!(
            query_of(&by_id),
            documented_query("get-custom-reward-redemption", 1)
        );

        let page = GetCustomRewardRedemption {
            status: Some(CustomRewardRedemptionStatus::Unfulfilled),
            sort: Some(SortOrder::Newest),
            after: Some("c".into()),
            first: Some(50),
            ..GetCustomRewardRedemption::new("1", "r")
        };
        assert_eq!(
            build(&page).1,
            "/channel_points/custom_rewards/redemptions?broadcaster_id=1&reward_id=r\
             &status=UNFULFILLED&sort=NEWEST&after=c&first=50"
        );
        assert_eq!(
            page.auth(),
            Auth::User(Scopes::Any(&[
                AuthScope::ChannelReadRedemptions,
                AuthScope::ChannelManageRedemptions
            ]))
        );
    }

    #[test]
    fn the_manage_scope_alone_is_enough() {
        let rule = GetCustomRewardRedemption::new("1", "r").auth().required();
        assert!(rule.satisfied_by(&[AuthScope::ChannelManageRedemptions]));
        assert!(rule.satisfied_by(&[AuthScope::ChannelReadRedemptions]));
        assert!(!rule.satisfied_by(&[AuthScope::ChannelReadSubscriptions]));
        assert!(!rule.satisfied_by(&[]));
    }

    #[test]
    fn parses_documented_examples() {
        let res =
            parse_ok::<GetCustomRewardRedemption>(&example_body("get-custom-reward-redemption", 0));
        let redemption = &res.data[0];
        assert_eq!(redemption.id, "17fa2df1-ad76-4804-bfa5-a40ef63efe63");
        assert_eq!(redemption.user_login, "torpedo09");
        assert_eq!(redemption.user_input, "");
        assert_eq!(redemption.status, CustomRewardRedemptionStatus::Canceled);
        assert_eq!(redemption.redeemed_at.unix_timestamp(), 1593628652);
        assert_eq!(redemption.reward.id, REWARD);
        assert_eq!(
            (redemption.reward.title.as_str(), redemption.reward.cost),
            ("game analysis", 50000)
        );
        assert!(res.cursor.as_deref().unwrap().starts_with("eyJiIjpudWxs"));

        let res =
            parse_ok::<GetCustomRewardRedemption>(&example_body("get-custom-reward-redemption", 1));
        assert_eq!(res.data[0].user_login, "");
        assert_eq!(res.cursor, None);
    }

    #[test]
    fn rules() {
        assert_invalid(&GetCustomRewardRedemption::new("1", "r"));
        let ids = |n: usize| (0..n).map(|i| format!("x{i}")).collect::<Vec<_>>();
        let fifty = GetCustomRewardRedemption {
            id: ids(50),
            ..GetCustomRewardRedemption::new("1", "r")
        };
        assert!(fifty.validate().is_ok());
        assert_invalid(&GetCustomRewardRedemption {
            id: ids(51),
            ..GetCustomRewardRedemption::new("1", "r")
        });
        for first in [0, 51] {
            assert_invalid(&GetCustomRewardRedemption {
                first: Some(first),
                ..by_status()
            });
        }
        for first in [1, 50] {
            let req = GetCustomRewardRedemption {
                first: Some(first),
                ..by_status()
            };
            assert!(req.validate().is_ok());
        }
        assert_invalid(&GetCustomRewardRedemption {
            status: Some(CustomRewardRedemptionStatus::Unknown("LOST".into())),
            ..by_status()
        });
        assert_invalid(&GetCustomRewardRedemption {
            sort: Some(SortOrder::Unknown("RANDOM".into())),
            ..by_status()
        });
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetCustomRewardRedemption = serde_json::from_str(
            r#"{"broadcaster_id":"1","reward_id":"r","id":null,"status":"FULFILLED","sort":"NEWEST"}"#,
        )
        .unwrap();
        assert_eq!(req.status, Some(CustomRewardRedemptionStatus::Fulfilled));
        assert_eq!(req.sort, Some(SortOrder::Newest));
        assert!(req.id.is_empty());
        let unknown = r#"{"broadcaster_id":"1","reward_id":"r","ids":["x"]}"#;
        assert!(serde_json::from_str::<GetCustomRewardRedemption>(unknown).is_err());
    }
}
