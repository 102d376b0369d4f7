package dev.accesskeys.model.jpa;

import java.sql.Connection;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;

/**
 * Whether a plain SELECT sees every row committed before it started, also those committed after the transaction's
 * first read: true under READ COMMITTED (Keycloak's PostgreSQL and H2), false under REPEATABLE READ (MariaDB's and
 * MySQL's default), whose plain reads keep the snapshot of the transaction's first read. Learned once per node from
 * the first connection (every connection of the pool has the same isolation); node-wide, so held by the factory.
 */
final class CommittedReads {

    private volatile Boolean latestCommits;

    boolean plainReadSeesLatestCommits(EntityManager em) {
        Boolean known = latestCommits;
        if (known == null) {
            known = em.unwrap(Session.class).doReturningWork(
                    connection -> connection.getTransactionIsolation() <= Connection.TRANSACTION_READ_COMMITTED);
            latestCommits = known;
        }
        return known;
    }
}
