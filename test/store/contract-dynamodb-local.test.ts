import { startDynamoDbLocal } from '../../lib/local/emulators';
import { defineStoreContract } from '../support/store-contract';

defineStoreContract('DynamoDB Local', () => startDynamoDbLocal());
