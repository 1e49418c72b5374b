//! `twitchapi-mock [--port N]`: runs the mock Twitch server until Ctrl-C.

use std::future::Future;
use std::process::ExitCode;

use twitchapi_mock::{MockConfig, MockServer};

const USAGE: &str = "usage: twitchapi-mock [--port N]";

fn parse_args() -> Result<MockConfig, String> {
    let mut config = MockConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let port = match arg.as_str() {
            "-h" | "--help" => return Err(USAGE.to_owned()),
            "--port" | "-p" => args.next().ok_or("--port needs a value")?,
            other => match other.strip_prefix("--port=") {
                Some(value) => value.to_owned(),
                None => return Err(format!("unknown argument: {other}\n{USAGE}")),
            },
        };
        config.port = port
            .parse()
            .map_err(|_| format!("invalid port: {port}\n{USAGE}"))?;
    }
    Ok(config)
}

/// Installs the Ctrl-C (SIGINT) handler now; the future completes on Ctrl-C.
#[cfg(unix)]
fn interrupted() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt())?;
    Ok(async move {
        interrupt.recv().await;
    })
}

/// Completes on Ctrl-C.
#[cfg(not(unix))]
fn interrupted() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let server = match MockServer::start_with(config).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("twitchapi-mock: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Installed before announcing the address, so an early Ctrl-C stops cleanly.
    let stop = match interrupted() {
        Ok(stop) => stop,
        Err(error) => {
            eprintln!("twitchapi-mock: cannot wait for Ctrl-C: {error}");
            server.shutdown().await;
            return ExitCode::FAILURE;
        }
    };
    println!("twitchapi-mock listening on {}", server.url());
    println!(
        "client_id={} client_secret={}",
        server.client_id(),
        server.client_secret()
    );
    println!("public_client_id={}", server.public_client_id());
    println!(
        "pubsub={} eventsub={}",
        server.pubsub_url(),
        server.eventsub_ws_url()
    );
    stop.await;
    server.shutdown().await;
    ExitCode::SUCCESS
}
