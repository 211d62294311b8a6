import { startClockAt } from "../src/config/clock.ts";
import { TEST_NOW } from "./test-clock.ts";

// Set up before each database and HTTP test file: the server's clock reads TEST_NOW. A test that
// needs another day starts the clock there itself.
startClockAt(TEST_NOW);
