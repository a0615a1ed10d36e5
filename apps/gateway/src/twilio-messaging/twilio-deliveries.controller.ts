import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { DeliveryRepository, DeliveryStatus, isDeliveryStatus } from '@support/channels';
import { ValidationError } from '@support/platform';
import { AgentApiGuard } from '../human-agents/agent-api.guard';

/** Outbound SMS / WhatsApp messages and their delivery status, e.g. `?status=failed,undelivered` for what did not arrive. */
@Controller('api/agents/twilio/deliveries')
@UseGuards(AgentApiGuard)
export class TwilioDeliveriesController {
  constructor(private readonly deliveries: DeliveryRepository) {}

  @Get()
  async list(@Query('status') status?: string, @Query('conversationId') conversationId?: string) {
    const statuses = status ? status.split(',').map((s) => s.trim()) : undefined;
    if (statuses?.some((s) => !isDeliveryStatus(s))) throw new ValidationError('"status" must be Twilio message statuses separated by commas.');
    return { deliveries: await this.deliveries.list({ statuses: statuses as DeliveryStatus[] | undefined, conversationId }) };
  }
}
