//! Ads.

use super::{Absent::*, Body, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static start_commercial: Spec = Spec {
    params: &[
        Param::new("broadcaster_id", Str, Required),
        Param::new("length", U32, Required),
    ],
    rules: &[OneOf("length", &[30, 60, 90, 120, 150, 180])],
    body: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("length", "length", Skip),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};
