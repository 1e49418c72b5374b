//! The table against the typed endpoints: for every endpoint, thousands of
//! argument objects (built from both the table's parameters and the typed
//! endpoint's own list, with values of every kind, edge and wrong ones
//! included) go through both paths, which must give the same request
//! (method, URL, body, token) or both refuse the arguments.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};
use twitchapi_core::helix::{Auth, Endpoint, Helix};
use twitchapi_core::Error;

use super::{Absent, Kind, Out, Rule, Spec};
use crate::dispatch::{find, Entry};

const CASES: usize = 3000;

fn helix() -> Helix {
    Helix::new("id")
        .with_base_url("http://127.0.0.1:1/helix")
        .unwrap()
}

/// What a request comes to, for comparing; `Err` when the arguments are refused.
type Outcome = Result<(String, String, Vec<u8>, Auth), String>;

fn outcome(built: Result<(http::Request<Vec<u8>>, Auth), Error>) -> Outcome {
    match built {
        Ok((request, auth)) => Ok((
            request.method().to_string(),
            request.uri().to_string(),
            request.body().clone(),
            auth,
        )),
        Err(Error::InvalidArgument(message)) => Err(message),
        Err(other) => panic!("not an invalid argument: {other:?}"),
    }
}

/// The typed endpoint's path: serde reads the struct (from an object only,
/// as the seed's keyword arguments are), then its own rules, query and body.
fn typed<E: Endpoint + DeserializeOwned>(args: &Value) -> Outcome {
    if !args.is_object() {
        return Err("not an object".into());
    }
    let endpoint = E::deserialize(args).map_err(|e| e.to_string())?;
    outcome(
        helix()
            .build_unsigned(&endpoint)
            .map(|request| (request, endpoint.auth())),
    )
}

fn strings(n: usize) -> Value {
    Value::from((0..n).map(|i| format!("s{i}")).collect::<Vec<_>>())
}

fn chars(n: usize) -> Value {
    Value::from("é".repeat(n))
}

/// Values of a kind: valid ones first, then edge and wrong ones.
fn pool(kind: Option<Kind>) -> Vec<Value> {
    let numbers = || {
        [1, 30, 0, 2, 10, 20, 45, 50, 51, 60, 100, 101, 150, 180, 181]
            .map(Value::from)
            .to_vec()
    };
    let mut values = match kind {
        Some(Kind::Str) => {
            let mut v = vec![json!("x"), json!("#00E5CB"), json!("a b&c=d/é"), json!("")];
            v.extend(
                [
                    1, 44, 45, 46, 64, 65, 140, 141, 200, 201, 300, 301, 500, 501,
                ]
                .map(chars),
            );
            v.extend(
                [
                    "141981764",
                    "#00e5cg",
                    "00E5CB",
                    "FULFILLED",
                    "2021-01-01T00:00:00Z",
                ]
                .map(Value::from),
            );
            v
        }
        Some(Kind::Strs) => {
            let mut v = vec![
                json!(["a"]),
                json!(["a", "b c"]),
                json!([]),
                json!([""]),
                json!([1]),
            ];
            v.extend([2, 19, 20, 21, 49, 50, 51, 99, 100, 101].map(strings));
            v
        }
        Some(Kind::U32 | Kind::U64 | Kind::Id) => {
            let mut v = numbers();
            v.extend([
                json!(-1),
                json!(1.5),
                json!(4294967295u64),
                json!(4294967296u64),
            ]);
            v.extend([json!("5"), json!("x"), json!(u64::MAX)]);
            v
        }
        Some(Kind::Bool) => vec![json!(true), json!(false), json!("true")],
        Some(Kind::Enum(names)) => {
            let mut v: Vec<Value> = names.iter().map(|n| Value::from(*n)).collect();
            v.extend(names.iter().map(|n| Value::from(n.to_uppercase())));
            v.extend(names.iter().map(|n| Value::from(n.to_lowercase())));
            v.push(json!("nope"));
            v
        }
        Some(Kind::Time) => [
            "2021-01-01T00:00:00Z",
            "2021-01-02T00:00:00+02:00",
            "2021-01-01T00:00:00",
            "2021-01-03T10:11:12.5Z",
            "",
            "yesterday",
            "9999-12-31T23:30:00-01:00",
            "0000-01-01T00:00:00+01:00",
        ]
        .map(Value::from)
        .to_vec(),
        Some(Kind::Json) => vec![
            json!({"panel": {"1": {"active": true}}}),
            json!({}),
            json!([1]),
            json!("x"),
        ],
        None => Vec::new(),
    };
    if kind.is_none() {
        for kind in [
            Kind::Str,
            Kind::Strs,
            Kind::U32,
            Kind::Bool,
            Kind::Time,
            Kind::Json,
        ] {
            values.extend(pool(Some(kind)));
        }
    }
    values.push(Value::Null);
    values
}

/// A value of the pool: in a tame case one of its first two (valid) values;
/// otherwise two times in three one of its first four, else any.
fn pick<'a>(rng: &mut ChaCha8Rng, values: &'a [Value], tame: bool) -> &'a Value {
    let n = values.len() as u64;
    let r = rng.next_u64();
    let index = match (tame, r % 3) {
        (true, _) => r / 3 % n.min(2),
        (false, 0) => r / 3 % n,
        (false, _) => r / 3 % n.min(4),
    };
    &values[index as usize]
}

/// Random argument objects for an endpoint: its parameters as the table and
/// the typed endpoint know them, each there or not, and now and then a key
/// nobody takes.
fn cases(spec: &Spec, typed_params: &[&str], seed: u64) -> Vec<Value> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut keys: Vec<(&str, Vec<Value>)> = spec
        .params
        .iter()
        .map(|p| (p.name, pool(Some(p.kind))))
        .collect();
    for name in typed_params {
        if !keys.iter().any(|(k, _)| k == name) {
            keys.push((name, pool(None)));
        }
    }
    let mut out = vec![json!({}), json!([]), json!("x"), Value::Null];
    let any = pool(None);
    for case in 0..CASES {
        // every other case tame: more of them valid, so that requests are compared
        let tame = case % 2 == 0;
        let mut args = Map::new();
        for (name, values) in &keys {
            if rng.next_u32() % 4 != 0 {
                let values = if !tame && rng.next_u32() % 10 == 0 {
                    &any
                } else {
                    values
                };
                args.insert((*name).to_owned(), pick(&mut rng, values, tame).clone());
            }
        }
        if !tame && rng.next_u32() % 25 == 0 {
            args.insert("unknown".to_owned(), json!(1));
        }
        out.push(Value::Object(args));
    }
    out
}

/// Every name a rule, a query parameter or a body member uses is a parameter.
fn names_are_params(name: &str, spec: &Spec) {
    let known = |n: &str| spec.params.iter().any(|p| p.name == n);
    let mut used: Vec<&str> = Vec::new();
    for rule in spec.rules {
        match *rule {
            Rule::NotEmpty(n) | Rule::Range(n, ..) | Rule::OneOf(n, _) | Rule::Chars(n, ..) => {
                used.push(n)
            }
            Rule::HexColor(n) | Rule::Object(n) => used.push(n),
            Rule::Count(list, ..) | Rule::ExactlyOne(list) | Rule::AtLeastOne(list) => {
                used.extend(list)
            }
            Rule::NeedsWhenTrue(a, b) | Rule::Span(a, b) => used.extend([a, b]),
            Rule::NeededUnless(a, list) => {
                used.push(a);
                used.extend(list);
            }
        }
    }
    used.extend(
        spec.query
            .iter()
            .chain(spec.body)
            .map(|out: &Out| out.param),
    );
    used.extend(
        spec.query
            .iter()
            .chain(spec.body)
            .filter_map(|out| out.unless),
    );
    used.extend(spec.own_user_unless);
    for n in used.into_iter().filter(|n| !n.is_empty()) {
        assert!(known(n), "{name}: {n} is not one of its parameters");
    }
    for out in spec.query.iter().chain(spec.body) {
        if let Absent::Is(text) = out.absent {
            if spec.body.contains(out) {
                assert!(
                    serde_json::from_str::<Value>(text).is_ok(),
                    "{name}: {text} is not JSON"
                );
            }
        }
    }
}

/// The query keys and body member names of a request (those of
/// `{"data": [{...}]}` too).
fn keys_sent(uri: &str, body: &[u8]) -> Vec<String> {
    let query = uri.split_once('?').map_or("", |(_, q)| q);
    let mut keys: Vec<String> = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|key| !key.is_empty())
        .map(str::to_owned)
        .collect();
    let body: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let inner = body.pointer("/data/0").cloned().unwrap_or(Value::Null);
    for object in [&body, &inner] {
        if let Some(members) = object.as_object() {
            keys.extend(members.keys().cloned());
        }
    }
    keys
}

fn agree<E: Endpoint + DeserializeOwned>(entry: &Entry, seed: u64) -> (usize, usize) {
    names_are_params(entry.name, entry.spec);
    let typed_params: Vec<&str> = E::PARAMS
        .iter()
        .map(|p| p.split(':').next().unwrap())
        .collect();
    let (mut ok, mut refused) = (0, 0);
    let mut seen = std::collections::BTreeSet::new();
    for args in cases(entry.spec, &typed_params, seed) {
        let text = args.to_string();
        let ours = outcome(entry.build(&helix(), &text));
        let theirs = typed::<E>(&args);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "{}: {text}", entry.name);
                seen.extend(keys_sent(&a.1, &a.2));
                ok += 1;
            }
            (Err(_), Err(_)) => refused += 1,
            _ => panic!(
                "{}: {text}\n table: {ours:?}\n typed: {theirs:?}",
                entry.name
            ),
        }
    }
    // every query parameter and body member went out in some agreed request
    for out in entry.spec.query.iter().chain(entry.spec.body) {
        assert!(
            seen.contains(out.key),
            "{}: {} was never sent",
            entry.name,
            out.key
        );
    }
    (ok, refused)
}

#[test]
fn the_table_builds_what_the_typed_endpoints_build() {
    macro_rules! all {
        ($($name:ident => $cat:ident::$ty:ident,)*) => {{
            let mut seed = 0;
            $(
                seed += 1;
                let entry = find(stringify!($name)).unwrap();
                let (ok, refused) = agree::<twitchapi_core::helix::$cat::$ty>(entry, seed);
                // both paths were walked: some calls built, some refused
                assert!(ok >= 20, "{}: only {ok} calls built", stringify!($name));
                assert!(refused >= 1, "{}: nothing refused", stringify!($name));
            )*
        }};
    }
    twitchapi_core::for_each_endpoint!(all);
}

#[test]
fn refusals_say_what_is_wrong() {
    let build = |name: &str, args: &str| {
        find(name)
            .unwrap()
            .build(&helix(), args)
            .unwrap_err()
            .to_string()
    };
    assert!(build("get_users", r#"{"login":["x"]}"#).contains(r#"unknown parameter "login""#));
    assert!(build("get_users", r#"{"logins":"x"}"#)
        .contains(r#"logins must be an array of strings, got "x""#));
    assert!(
        build("get_streams", r#"{"first":0}"#).contains("first must be in range 1 to 100, got 0")
    );
    assert!(build("get_users", "[1]").contains("takes an object of parameters, not an array"));
    assert!(build("get_channel_information", "{}").contains("broadcaster_id is required"));
    assert!(build("get_videos", r#"{"user_id":"1","period":"decade"}"#)
        .contains(r#"period must be one of all, day, week, month, year, got "decade""#));
    assert!(build("get_streams", r#"{"first":-1}"#).contains("got -1"));
    assert!(build("get_videos", r#"{"user_id":"1","period":"decade"}"#)
        .contains(r#"period must be one of all, day, week, month, year, got "decade""#));
    assert!(build("get_streams", r#"{"first":-1}"#).contains("got -1"));
    let reward = |color: &str| {
        format!(r#"{{"broadcaster_id":"1","title":"t","cost":5,"background_color":"{color}"}}"#)
    };
    for color in ["1234567", "invalid", "#12345", "#1234567", "#12345g"] {
        assert!(
            build("create_custom_reward", &reward(color))
                .contains("background_color must be #RRGGBB"),
            "{color}"
        );
    }
    assert!(find("create_custom_reward")
        .unwrap()
        .build(&helix(), &reward("#00e5CB"))
        .is_ok());
}
