/** peiling server: {@code peiling serve}, the questionnaire engine as a JSON service stored in PostgreSQL. */
module nl.peiling.server {
    requires transitive nl.peiling.core;
    requires transitive nl.peiling.stats;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires java.sql;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires embedded.postgres;
    requires org.slf4j;
    requires com.j2html;
    requires io.nayuki.qrcodegen;

    exports nl.peiling.server;
}
