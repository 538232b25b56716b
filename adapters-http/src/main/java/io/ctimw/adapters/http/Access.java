package io.ctimw.adapters.http;

import io.javalin.security.RouteRole;

/** Who may call a route; every route not marked {@link #PUBLIC} needs a live session (fail closed). */
enum Access implements RouteRole {
    PUBLIC,
    AGENT
}
