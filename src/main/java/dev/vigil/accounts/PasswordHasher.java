package dev.vigil.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (memory-hard), through password4j. Hashes are PHC strings that carry
 * their own parameters, so the cost can be raised later without breaking old hashes.
 */
public final class PasswordHasher {
    /** OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2 =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(String password, String storedHash) {
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
        } catch (RuntimeException e) {
            return false; // a malformed stored hash never matches
        }
    }
}
