package dev.accesskeys.ui;

import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.realm.UserConfig;

/** The person who logs into the account console (created through the admin API: default roles). */
public class AccountConsoleUserConfig implements UserConfig {

    static final String USERNAME = "alice";
    static final String PASSWORD = "alice-Secret-1";

    @Override
    public UserBuilder configure(UserBuilder user) {
        return user.username(USERNAME)
                .password(PASSWORD)
                .email("alice@example.com")
                .name("Alice", "Example")
                .emailVerified(true);
    }
}
