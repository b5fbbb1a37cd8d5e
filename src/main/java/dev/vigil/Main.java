package dev.vigil;

public final class Main {
    public static void main(String[] args) {
    }
}
