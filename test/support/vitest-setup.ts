// Runs in every vitest test file: temp folders a file made are gone when it ends.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp';

afterAll(removeTempDirs);
