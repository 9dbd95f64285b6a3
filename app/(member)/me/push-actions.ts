"use server";

import { removePushSubscription, savePushSubscription } from "@/db/queries/push";
import { action } from "@/lib/server/action";
import { pushEndpointInput, pushSubscriptionInput } from "@/lib/validation/push";

export const subscribePushAction = action("account.push_on", pushSubscriptionInput, (input, { db, scope }) =>
  savePushSubscription(db, scope, input),
);

export const unsubscribePushAction = action("account.push_off", pushEndpointInput, (input, { db, scope }) =>
  removePushSubscription(db, scope, input),
);
