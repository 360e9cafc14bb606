package io.xspy.source.otel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Set;

/**
 * The {@code sql} block from {@code db.*}, as the exporter's makeSQL builds it, and only for SQL
 * databases ({@code db.system} mysql, postgresql, …); the url is the span's name (the exporter's
 * choice: a connection string there helps nobody). Other databases keep their {@code db.*} as metadata.
 */
final class SqlBlock {

    private static final Set<String> SQL = Set.of("db2", "derby", "hive", "mariadb", "mssql", "mysql", "oracle",
            "postgresql", "sqlite", "teradata", "other_sql");

    private SqlBlock() {}

    static ObjectNode make(Span span, Attributes a) {
        String system = a.first("db.system", "db.system.name");
        if (system == null || !SQL.contains(system)) return null;
        String connection = a.string("db.connection_string");
        String instance = a.first("db.name", "db.namespace");
        ObjectNode sql = JsonNodeFactory.instance.objectNode();
        sql.put("url", span.getName());
        sql.put("connection_string", (connection == null ? "localhost" : connection) + "/" + (instance == null ? "" : instance));
        sql.put("database_type", system);
        String user = a.string("db.user");
        if (user != null) sql.put("user", user);
        String statement = a.first("db.statement", "db.query.text");
        if (statement != null) sql.put("sanitized_query", statement);
        a.take("db.system", "db.system.name", "db.connection_string", "db.name", "db.namespace", "db.user",
                "db.statement", "db.query.text");
        return sql;
    }
}
